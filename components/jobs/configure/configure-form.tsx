"use client";

import type { SynchronizationJob } from "@microsoft/microsoft-graph-types-beta";
import { useId, type FormEvent } from "react";
import { credentialsStatus } from "@/lib/configure/saved-secrets";
import { parseSettings } from "@/lib/configure/settings";
import type { SavedConfiguration } from "@/lib/graph/configuration";
import { buttonStyles, Spinner } from "../lifecycle/modal-dialog";
import { CredentialsSection } from "./credentials-section";
import { SaveResult } from "./save-result";
import { SettingsSection } from "./settings-section";
import { TestConnection } from "./test-connection";
import { useConfigureForm } from "./use-configure-form";

const READ_ONLY_REASON =
  "Read-only: your account lacks Synchronization.ReadWrite.All, so you can see the saved configuration (secrets stay hidden) but not test or change it.";

/** Admin credentials, Test connection, settings and Save for one job. */
export function ConfigureForm({ servicePrincipalId, job, configuration }: { servicePrincipalId: string; job: SynchronizationJob; configuration: SavedConfiguration }) {
  const id = useId();
  const form = useConfigureForm(servicePrincipalId, job.id ?? "", configuration);
  const { fields, saved } = configuration;
  const disabled = form.readOnly || form.busy;
  const reasonId = form.readOnly ? `${id}-read-only` : undefined;
  const status = credentialsStatus(fields.fields, saved);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.runSave();
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-8" data-testid="configure-form" data-credentials={status} aria-describedby={reasonId}>
      {form.readOnly ? (
        <p id={reasonId} className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800" data-testid="configure-read-only">
          {READ_ONLY_REASON}
        </p>
      ) : null}
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <CredentialsSection fields={fields} saved={saved} draft={form.draft} errors={form.errors} disabled={disabled} onChange={form.setCredential} />
        {fields.source === "none" ? null : (
          <TestConnection
            state={form.test}
            canTestSaved={status === "saved" || status === "incomplete"}
            disabled={disabled}
            describedBy={reasonId}
            onTest={form.runTest}
          />
        )}
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6">
        <SettingsSection settings={form.draft.settings} savedSyncAll={parseSettings(saved).syncAll} errors={form.errors} disabled={disabled} onChange={form.setSetting} />
      </section>
      <div className="space-y-3">
        <button type="submit" disabled={disabled} aria-describedby={reasonId} data-testid="configure-save" className={`${buttonStyles.base} ${buttonStyles.primary}`}>
          {form.save.status === "saving" ? (
            <>
              <Spinner /> Saving…
            </>
          ) : (
            "Save"
          )}
        </button>
        <SaveResult state={form.save} servicePrincipalId={servicePrincipalId} job={job} />
      </div>
    </form>
  );
}
