"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useFreshGraphToken, useGraphToken } from "@/components/auth/use-graph-token";
import { useJobWriteAccess } from "@/components/auth/use-job-write-access";
import { saveConfiguration, testConnection } from "@/lib/actions/configure-job";
import type { SaveConfigurationResult, TestConnectionResult } from "@/lib/actions/configure-job-schema";
import { callWithToken } from "@/lib/auth/call-with-token";
import type { ActionError, ActionResult } from "@/lib/errors/action-result";
import type { SavedConfiguration } from "@/lib/graph/configuration";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { refreshJobsOf } from "@/lib/query/invalidate";
import type { SettingsDraft } from "@/lib/configure/settings-draft";
import { checkSave, fieldErrorOf, initialDraft, testProblems, withoutSecrets, type ConfigureDraft, type FieldErrors } from "./configure-draft";
import { forgetConnectionTest, recordConnectionTest } from "../connection-tests";

export type TestState =
  | { status: "idle" }
  | { status: "running"; saved: boolean }
  | { status: "passed"; tested: TestConnectionResult["tested"] }
  | { status: "failed"; error: ActionError };

export type SaveState = { status: "idle" } | { status: "saving" } | { status: "saved"; result: SaveConfigurationResult } | { status: "failed"; error: ActionError };

export interface ConfigureForm {
  draft: ConfigureDraft;
  errors: FieldErrors;
  readOnly: boolean;
  test: TestState;
  save: SaveState;
  busy: boolean;
  setCredential: (key: string, value: string) => void;
  setSetting: <K extends keyof SettingsDraft>(name: K, value: SettingsDraft[K]) => void;
  runTest: (useSaved: boolean) => void;
  runSave: () => void;
}

/** Focuses the first field the errors name (inputs carry `data-field`). */
function focusFirst(errors: FieldErrors) {
  const [first] = Object.keys(errors);
  if (first) document.querySelector<HTMLElement>(`[data-field="${CSS.escape(first)}"]`)?.focus();
}

/**
 * The Configure form's state and its two requests: Test connection (validateCredentials; saves nothing) and
 * Save (one PUT). Values are checked here first with the same rules the server actions apply. A synchronous
 * lock keeps two quick clicks to one request. After a save the typed secrets are forgotten.
 */
export function useConfigureForm(servicePrincipalId: string, jobId: string, configuration: SavedConfiguration): ConfigureForm {
  const fields = configuration.fields.fields;
  const [draft, setDraft] = useState(() => initialDraft(fields, configuration.saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [test, setTest] = useState<TestState>({ status: "idle" });
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const lock = useRef(false);
  const getToken = useGraphToken();
  const refreshToken = useFreshGraphToken();
  const queryClient = useQueryClient();
  const readOnly = useJobWriteAccess() === "missing";
  const target = { servicePrincipalId, jobId };

  const clearError = (field: string) => setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  async function locked<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    try {
      return await work();
    } catch (error) {
      // Only a bug gets here (callWithToken returns failures); never leave the form locked.
      return { ok: false, error: { ...toErrorInfo(error), kind: "unexpected" } };
    } finally {
      lock.current = false;
    }
  }

  function refuse(found: FieldErrors): boolean {
    if (!Object.keys(found).length) return false;
    setErrors(found);
    focusFirst(found);
    return true;
  }

  function runTest(useSaved: boolean) {
    if (lock.current || readOnly) return;
    if (!useSaved && refuse(testProblems(fields, draft))) return;
    lock.current = true;
    setErrors({});
    setTest({ status: "running", saved: useSaved });
    const input = useSaved ? { ...target, useSavedCredentials: true } : { ...target, useSavedCredentials: false, credentials: draft.credentials };
    void locked(() => callWithToken({ getToken, refreshToken }, (token) => testConnection(token, input))).then((result) => {
      recordConnectionTest(servicePrincipalId, jobId, result.ok ? null : result.error);
      if (result.ok) return setTest({ status: "passed", tested: result.data.tested });
      setTest({ status: "failed", error: result.error });
      const atField = fieldErrorOf(result.error);
      if (atField) refuse(atField);
    });
  }

  function runSave() {
    if (lock.current || readOnly) return;
    const checked = checkSave(fields, draft, configuration.saved);
    if (checked.errors) return void refuse(checked.errors);
    lock.current = true;
    setErrors({});
    setSave({ status: "saving" });
    const input = { ...target, credentials: draft.credentials, settings: checked.settings };
    void locked(() => callWithToken({ getToken, refreshToken }, (token) => saveConfiguration(token, input))).then((result) => {
      if (result.ok) {
        setDraft((current) => withoutSecrets(fields, current));
        setSave({ status: "saved", result: result.data });
        forgetConnectionTest(servicePrincipalId, jobId);
      } else {
        setSave({ status: "failed", error: result.error });
        const atField = fieldErrorOf(result.error);
        if (atField) refuse(atField);
      }
      if (result.ok || result.error.ambiguous) void refreshJobsOf(queryClient, servicePrincipalId);
    });
  }

  return {
    draft,
    errors,
    readOnly,
    test,
    save,
    busy: test.status === "running" || save.status === "saving",
    setCredential: (key, value) => {
      setDraft((current) => ({ ...current, credentials: { ...current.credentials, [key]: value } }));
      clearError(`credentials.${key}`);
      setTest((current) => (current.status === "running" ? current : { status: "idle" }));
    },
    setSetting: (name, value) => {
      setDraft((current) => ({ ...current, settings: { ...current.settings, [name]: value } }));
      clearError(`settings.${name}`);
    },
    runTest,
    runSave,
  };
}
