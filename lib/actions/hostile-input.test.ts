import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";
import { idProblem, jobId, servicePrincipalId, templateId } from "@/lib/validation/ids";
import type { ActionResult } from "@/lib/errors/action-result";
import {
  CORPUS_GUID,
  CORPUS_JOB_ID,
  CORPUS_TEMPLATE_ID,
  HOSTILE_CREDENTIAL_VALUES,
  HOSTILE_GUIDS,
  HOSTILE_OPAQUE,
  HOSTILE_OPAQUE_IDS,
  HOSTILE_RECIPIENTS,
  HOSTILE_SP_IDS,
  HOSTILE_STRINGS,
  HOSTILE_TENANT_URLS,
  HOSTILE_THRESHOLDS,
  HOSTILE_TOKENS,
  WRONG_TYPES,
  corpusKey,
  corpusSize,
  describeCase,
  hostileShapes,
  type HostileCase,
} from "@/test/fixtures/bad-input-corpus";
import { createJob } from "./create-job";
import { deleteJob, pauseJob, restartJob, startJob } from "./job-lifecycle";
import { saveConfiguration, testConnection } from "./configure-job";
import { DEFAULT_SETTINGS } from "@/lib/configure/settings";
import { JOB, SP } from "@/lib/emulator/seed/ids";
import { stubEmbeddedEnv } from "@/test/support/action-emulator";

/**
 * The hostile-input suite of the server actions (test/fixtures/bad-input-corpus.ts): every action refuses
 * every hostile value and shape with `{ ok: false, error: { kind: "invalid-input" } }`, never throws, and
 * sends nothing to Graph. e2e/bad-input.spec.ts replays the same corpus against the console's routes.
 */

type AnyAction = (token: unknown, input: unknown) => Promise<ActionResult<unknown>>;

interface ActionUnderTest {
  name: string;
  run: AnyAction;
  valid: Record<string, unknown>;
  /** The id fields and which corpus list applies to each. */
  fields: Record<string, readonly HostileCase<string>[]>;
}

const ACTIONS: ActionUnderTest[] = [
  {
    name: "createJob",
    run: createJob as unknown as AnyAction,
    valid: { servicePrincipalId: CORPUS_GUID, templateId: CORPUS_TEMPLATE_ID },
    fields: { servicePrincipalId: HOSTILE_SP_IDS, templateId: HOSTILE_OPAQUE },
  },
  ...[
    ["startJob", startJob],
    ["pauseJob", pauseJob],
    ["restartJob", restartJob],
    ["deleteJob", deleteJob],
  ].map(([name, run]) => ({
    name: name as string,
    run: run as unknown as AnyAction,
    valid: { servicePrincipalId: CORPUS_GUID, jobId: CORPUS_JOB_ID },
    fields: { servicePrincipalId: HOSTILE_SP_IDS, jobId: HOSTILE_OPAQUE },
  })),
  {
    name: "testConnection",
    run: testConnection as unknown as AnyAction,
    valid: { servicePrincipalId: CORPUS_GUID, jobId: CORPUS_JOB_ID, useSavedCredentials: true },
    fields: { servicePrincipalId: HOSTILE_SP_IDS, jobId: HOSTILE_OPAQUE },
  },
  {
    name: "saveConfiguration",
    run: saveConfiguration as unknown as AnyAction,
    valid: { servicePrincipalId: CORPUS_GUID, jobId: CORPUS_JOB_ID, credentials: { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" }, settings: DEFAULT_SETTINGS },
    fields: { servicePrincipalId: HOSTILE_SP_IDS, jobId: HOSTILE_OPAQUE },
  },
];

/** Restart's reset scope: a list of exact flag names. Everything here is refused (undefined and [] are valid). */
const HOSTILE_RESET_SCOPES: HostileCase[] = [
  ...WRONG_TYPES.filter((entry) => entry.value !== undefined && !(Array.isArray(entry.value) && entry.value.length === 0)),
  ...HOSTILE_STRINGS.map((entry) => ({ name: `[${entry.name}]`, value: [entry.value] })),
  { name: "a flag as a string, not a list", value: "Full" },
  { name: "Graph's comma-separated string", value: "Watermark, Escrows" },
  { name: "a flag in lower case", value: ["full"] },
  { name: "a flag with a trailing space", value: ["Full "] },
  { name: "a flag twice", value: ["Full", "Full"] },
  { name: "None (refused)", value: ["None"] },
  { name: "ConnectorDataStore (refused)", value: ["ConnectorDataStore"] },
  { name: "six flags", value: ["Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes", "Escrows"] },
  { name: "a thousand flags", value: Array.from({ length: 1000 }, () => "Full") },
  { name: "a flag object", value: [{ flag: "Full" }] },
];

let emulator: TestEmulator;
let admin: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  admin = await emulator.token("admin");
  stubEmbeddedEnv(emulator);
  await emulator.control("POST", "reset");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

/** Runs the action; returns a problem description, or null when it refused the input as it must. */
async function refusal(action: ActionUnderTest, token: unknown, input: unknown, field?: string): Promise<string | null> {
  let result: ActionResult<unknown>;
  try {
    result = await action.run(token, input);
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  if (!result || result.ok !== false) return `answered ${JSON.stringify(result)?.slice(0, 120)}`;
  const { error } = result;
  if (error.kind !== "invalid-input") return `error kind ${error.kind} (${error.code}: ${error.message.slice(0, 80)})`;
  if (error.status !== 0 || error.code !== "InvalidInput") return `status ${error.status}, code ${error.code}`;
  if (field && error.field !== field) return `blamed field ${error.field}, not ${field}`;
  if (!error.message || error.message.length > 300) return `message of ${error.message.length} characters`;
  try {
    JSON.stringify(result);
  } catch {
    return "result is not serializable";
  }
  return null;
}


describe("the corpus", () => {
  it("holds at least 200 distinct hostile values and shapes", () => {
    expect(corpusSize()).toBeGreaterThanOrEqual(200);
    for (const list of [HOSTILE_STRINGS, HOSTILE_GUIDS, HOSTILE_OPAQUE_IDS, WRONG_TYPES, HOSTILE_TOKENS]) {
      const names = list.map((entry) => entry.name);
      expect(new Set(names).size, "case names are unique").toBe(names.length);
    }
    const strings = [...HOSTILE_STRINGS, ...HOSTILE_GUIDS, ...HOSTILE_OPAQUE_IDS].map((entry) => corpusKey(entry.value));
    expect(new Set(strings).size, "string values are unique").toBe(strings.length);
  });

  it("holds only values the id schemas refuse (no legitimate id slipped in)", () => {
    const accepted = [
      ...HOSTILE_SP_IDS.filter((entry) => idProblem(servicePrincipalId, entry.value) === null).map((entry) => `SP id: ${entry.name}`),
      ...HOSTILE_OPAQUE.filter((entry) => idProblem(jobId, entry.value) === null).map((entry) => `job id: ${entry.name}`),
      ...HOSTILE_OPAQUE.filter((entry) => idProblem(templateId, entry.value) === null).map((entry) => `template id: ${entry.name}`),
    ];
    expect(accepted).toEqual([]);
    expect(idProblem(servicePrincipalId, CORPUS_GUID)).toBeNull();
    expect(idProblem(jobId, CORPUS_JOB_ID)).toBeNull();
    expect(idProblem(templateId, CORPUS_TEMPLATE_ID)).toBeNull();
  });
});

describe.each(ACTIONS)("$name refuses the whole corpus before anything reaches Graph", (action) => {
  it.each(Object.keys(action.fields))("hostile strings as %s", async (field) => {
    const problems: string[] = [];
    for (const entry of action.fields[field]) {
      const problem = await refusal(action, admin, { ...action.valid, [field]: entry.value }, field);
      if (problem) problems.push(`${entry.name} ${describeCase(entry.value)}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(action.fields[field].length).toBeGreaterThanOrEqual(150);
  });

  it.each(Object.keys(action.fields))("wrong types as %s", async (field) => {
    const problems: string[] = [];
    for (const entry of WRONG_TYPES) {
      const problem = await refusal(action, admin, { ...action.valid, [field]: entry.value }, field);
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("hostile input shapes", async () => {
    const problems: string[] = [];
    for (const entry of hostileShapes(action.valid)) {
      const problem = await refusal(action, admin, entry.value);
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("hostile tokens (with a valid input)", async () => {
    const problems: string[] = [];
    for (const entry of [...HOSTILE_TOKENS, ...WRONG_TYPES.filter((w) => typeof w.value !== "string")]) {
      const problem = await refusal(action, entry.value, action.valid, "token");
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("sent no request to the emulator, and polluted no prototype", async () => {
    expect(await emulator.requests()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const SCOPE_MESSAGES: [string, unknown, RegExp][] = [
  ["None", ["None"], /None.*not offered.*start/i],
  ["ConnectorDataStore", ["ConnectorDataStore"], /ConnectorDataStore.*not offered.*Microsoft Support/i],
  ["None among good flags", ["Watermark", "None"], /None/],
  ["ConnectorDataStore with Full", ["Full", "ConnectorDataStore"], /ConnectorDataStore/],
  ["lower-case none", ["none"], /None.*not offered/i],
  ["an unknown flag", ["Everything"], /Unknown reset scope flag "Everything".*Escrows, Watermark, QuarantineState, Full, ForceDeletes/],
  ["a wrongly cased flag", ["full"], /Unknown reset scope flag "full"/],
  ["a padded flag", [" Full"], /Unknown reset scope flag/],
  ["a duplicate flag", ["Watermark", "Watermark"], /only once/],
  ["Graph's comma-separated string", "Watermark, Escrows", /list of flags/],
  ["an empty string", "", /list of flags/],
  ["null", null, /list of flags/],
  ["a number inside", [4], /must be one of/],
  ["an object", { resetScope: "Full" }, /list of flags/],
  ["six flags", ["Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes", "Escrows"], /at most 5|only once/],
];

describe("restartJob's reset scope", () => {
  it.each(SCOPE_MESSAGES)("says why it refuses %s", async (_what, resetScope, message) => {
    const result = await restartJob(admin, { servicePrincipalId: CORPUS_GUID, jobId: CORPUS_JOB_ID, resetScope } as never);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "resetScope", code: "InvalidInput" } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it("refuses every hostile reset scope with invalid-input and no Graph call", async () => {
    const restart = ACTIONS.find((action) => action.name === "restartJob")!;
    const problems: string[] = [];
    for (const entry of HOSTILE_RESET_SCOPES) {
      const problem = await refusal(restart, admin, { ...restart.valid, resetScope: entry.value }, "resetScope");
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(await emulator.requests()).toEqual([]);
  });
});

/** The typed-credentials test and the save, with `credentials` (and `settings`) replaced. */
const CONFIGURE_ACTIONS = ACTIONS.filter((action) => action.name === "saveConfiguration" || action.name === "testConnection").map((action) => ({
  ...action,
  valid: action.name === "testConnection" ? { ...action.valid, useSavedCredentials: false, credentials: { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" } } : action.valid,
}));
const SAVE = CONFIGURE_ACTIONS.find((action) => action.name === "saveConfiguration")!;
const withCredential = (action: ActionUnderTest, key: string, value: unknown) => ({ ...action.valid, credentials: { ...(action.valid.credentials as object), [key]: value } });

describe.each(CONFIGURE_ACTIONS)("$name refuses hostile admin credentials before anything reaches Graph", (action) => {
  it.each(["BaseAddress", "SecretToken"])("hostile values as %s", async (key) => {
    const problems: string[] = [];
    for (const entry of HOSTILE_CREDENTIAL_VALUES) {
      const problem = await refusal(action, admin, withCredential(action, key, entry.value), `credentials.${key}`);
      if (problem) problems.push(`${entry.name} ${describeCase(entry.value)}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(HOSTILE_CREDENTIAL_VALUES.length).toBeGreaterThanOrEqual(45);
  });

  it("wrong types as a credential value", async () => {
    const problems: string[] = [];
    for (const entry of WRONG_TYPES.filter((w) => typeof w.value !== "string" && w.value !== undefined)) {
      const problem = await refusal(action, admin, withCredential(action, "SecretToken", entry.value), "credentials.SecretToken");
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("keys that are not synchronizationSecret members, and wrong containers", async () => {
    const problems: string[] = [];
    const keys = ["secrettoken", "SecretToken ", "Secret\u200BToken", "__proto__", "constructor", "toString", "k".repeat(500), "<img src=x onerror=alert(1)>", "", "0"];
    for (const key of keys) {
      const problem = await refusal(action, admin, { ...action.valid, credentials: JSON.parse(`{${JSON.stringify(key)}:"x"}`) }, "credentials");
      if (problem) problems.push(`key ${describeCase(key)}: ${problem}`);
    }
    for (const entry of [...WRONG_TYPES.filter((w) => w.value !== undefined && !(w.value && typeof w.value === "object" && !Array.isArray(w.value) && Object.getPrototypeOf(w.value) === Object.prototype)), { name: "a list of pairs", value: [{ key: "SecretToken", value: "x" }] }]) {
      const problem = await refusal(action, admin, { ...action.valid, credentials: entry.value }, "credentials");
      if (problem) problems.push(`credentials ${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("tenant URLs that are not https: refused before any credential is sent (only the job and its template are read)", async () => {
    const problems: string[] = [];
    for (const entry of HOSTILE_TENANT_URLS) {
      const problem = await refusal(action, admin, { ...withCredential(action, "BaseAddress", entry.value), servicePrincipalId: SP.box, jobId: JOB.boxPaused }, "credentials.BaseAddress");
      if (problem) problems.push(`${entry.name} ${describeCase(entry.value)}: ${problem}`);
    }
    expect(problems).toEqual([]);
    const sent = (await emulator.requests()).filter((request) => !request.path.endsWith("/$batch"));
    expect(sent).toEqual([]);
    await emulator.clearRequests();
  });

  it("sent no request to the emulator", async () => {
    expect(await emulator.requests()).toEqual([]);
  });
});

describe("saveConfiguration refuses hostile settings before anything reaches Graph", () => {
  const withSettings = (patch: Record<string, unknown>) => ({ ...SAVE.valid, settings: { ...DEFAULT_SETTINGS, ...patch } });
  const cases: [field: string, values: readonly HostileCase[], patch?: Record<string, unknown>][] = [
    ["recipients", HOSTILE_RECIPIENTS],
    ["recipients", HOSTILE_RECIPIENTS, { notifyOnFailure: true }],
    ["recipients", WRONG_TYPES.filter((w) => typeof w.value !== "string")],
    ["deleteThreshold", HOSTILE_THRESHOLDS],
    ["notifyOnFailure", [...WRONG_TYPES.filter((w) => typeof w.value !== "boolean"), { name: "a string", value: "true" }]],
    ["preventAccidentalDeletes", [...WRONG_TYPES.filter((w) => typeof w.value !== "boolean"), { name: "a string", value: "false" }]],
    ["syncAll", [...WRONG_TYPES.filter((w) => typeof w.value !== "boolean"), { name: "a string", value: "true" }, { name: "SyncAll's own spelling", value: "True" }]],
  ];

  it.each(cases)("hostile %s", async (field, values, patch = {}) => {
    const problems: string[] = [];
    for (const entry of values) {
      const problem = await refusal(SAVE, admin, withSettings({ ...patch, [field]: entry.value }), `settings.${field}`);
      if (problem) problems.push(`${entry.name} ${describeCase(entry.value)}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("hostile settings shapes", async () => {
    const problems: string[] = [];
    for (const entry of hostileShapes(DEFAULT_SETTINGS as unknown as Record<string, unknown>)) {
      const problem = await refusal(SAVE, admin, { ...SAVE.valid, settings: entry.value });
      if (problem) problems.push(`${entry.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("an empty notification email is refused only while notifications are on", async () => {
    expect(await refusal(SAVE, admin, withSettings({ notifyOnFailure: true, recipients: "" }), "settings.recipients")).toBeNull();
    expect(await emulator.requests()).toEqual([]);
  });
});

describe("refusals never echo what they refuse", () => {
  it("a refused token, a long unexpected key or a long flag is not quoted back", async () => {
    const valid = { servicePrincipalId: CORPUS_GUID, templateId: CORPUS_TEMPLATE_ID };
    const token = await createJob("eyJ0eXAi.secret part.xyz", valid);
    expect(JSON.stringify(token)).not.toContain("secret part");
    const key = await createJob(admin, { ...valid, ["k".repeat(500)]: 1 } as never);
    expect(key).toMatchObject({ ok: false, error: { kind: "invalid-input", field: "input" } });
    if (!key.ok) expect(key.error.message.length).toBeLessThan(100);
    const flag = await restartJob(admin, { servicePrincipalId: CORPUS_GUID, jobId: CORPUS_JOB_ID, resetScope: ["x".repeat(500)] } as never);
    if (!flag.ok) expect(flag.error.message.length).toBeLessThan(120);
    expect(flag.ok).toBe(false);
    expect(await emulator.requests()).toEqual([]);
  });
});

describe("the corpus is refused because it is hostile, not because nothing works", () => {
  it("the same actions with valid input do reach the emulator", async () => {
    const created = await createJob(admin, { servicePrincipalId: CORPUS_GUID, templateId: CORPUS_TEMPLATE_ID });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.data as { id: string }).id : "";
    expect(await pauseJob(admin, { servicePrincipalId: CORPUS_GUID, jobId: id })).toEqual({ ok: true, data: null });
    expect(await deleteJob(admin, { servicePrincipalId: CORPUS_GUID, jobId: id })).toEqual({ ok: true, data: null });
    expect((await emulator.requests()).map((r) => r.method)).toEqual(["POST", "POST", "DELETE"]);
    await emulator.control("POST", "reset");
  });

  it("the configuration actions with valid input do reach the emulator", async () => {
    const box = { servicePrincipalId: SP.box, jobId: JOB.boxPaused };
    const credentials = { BaseAddress: "https://scim.example.com/v2", SecretToken: "s3cr3t-token-value" };
    expect(await testConnection(admin, { ...box, useSavedCredentials: false, credentials })).toEqual({ ok: true, data: { tested: "typed" } });
    expect(await saveConfiguration(admin, { ...box, credentials, settings: DEFAULT_SETTINGS })).toMatchObject({ ok: true });
    expect((await emulator.requests()).map((r) => r.method)).toEqual(["POST", "POST", "POST", "PUT"]);
    await emulator.control("POST", "reset");
  });
});
