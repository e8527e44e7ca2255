import { expect } from "vitest";
import { SP } from "@/lib/emulator/seed/ids";
import type { TestEmulator } from "./emulator";

/**
 * The seeded custom SCIM app (Contoso HR Portal: the Human Resources group and three people assigned) with a job
 * of its own, pointed at a SCIM endpoint: what the connector tests drive through the emulator's Graph.
 */
export const SCIM_APP = SP.customScim;
const spPath = `/beta/servicePrincipals/${SCIM_APP}`;

export interface ScimJob {
  id: string;
  path: string;
  start(): Promise<number>;
  read(): Promise<{ status: { code: string; quarantine: { error: { code: string; message: string } | null } | null; lastExecution: Record<string, unknown> | null } }>;
  logs(): Promise<ProvisioningEntry[]>;
  saveCredentials(baseAddress: string, token: string): Promise<void>;
}

export interface ProvisioningEntry {
  provisioningAction: string;
  sourceIdentity: { id: string; displayName: string; identityType: string };
  targetIdentity: { id: string };
  provisioningStatusInfo: { status: string; errorInformation: { errorCode: string; reason: string } | null };
  provisioningSteps: { name: string; provisioningStepType: string; status: string; description: string; details: Record<string, string> }[];
  modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[];
}

/** A new job on the app, alone there (the seeded one is deleted: both would provision into the same endpoint). */
export async function scimJob(emu: TestEmulator, baseAddress: string, token: string): Promise<ScimJob> {
  for (const existing of (await emu.call("GET", `${spPath}/synchronization/jobs`)).body.value as { id: string }[])
    expect((await emu.call("DELETE", `${spPath}/synchronization/jobs/${encodeURIComponent(existing.id)}`)).status).toBe(204);
  const created = await emu.call("POST", `${spPath}/synchronization/jobs`, { body: { templateId: "scim" } });
  expect(created.status).toBe(201);
  const path = `${spPath}/synchronization/jobs/${encodeURIComponent(created.body.id)}`;
  const saveCredentials = async (url: string, secret: string) => {
    const value = [
      { key: "BaseAddress", value: url },
      { key: "SecretToken", value: secret },
    ];
    expect((await emu.call("PUT", `${spPath}/synchronization/secrets`, { body: { value } })).status).toBe(204);
  };
  await saveCredentials(baseAddress, token);
  return {
    id: created.body.id,
    path,
    saveCredentials,
    start: async () => (await emu.call("POST", `${path}/start`)).status,
    read: async () => (await emu.call("GET", path)).body,
    logs: async () =>
      (await emu.call("GET", `/v1.0/auditLogs/provisioning?$top=500&$filter=${encodeURIComponent(`jobId eq '${created.body.id}'`)}`)).body.value as ProvisioningEntry[],
  };
}

/** Moves the emulator's stopped clock past the job's initial cycle (24–36 engine minutes) or one more 40-minute interval. */
export const nextCycle = (emu: TestEmulator) => emu.control("POST", "clock", { advance: "PT41M" });
