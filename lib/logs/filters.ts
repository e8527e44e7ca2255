import { cycleId, idProblem, jobId, logEntryId, servicePrincipalId } from "@/lib/validation/ids";
import { parseUtcMinute, RANGE_CODES, utcMinuteTime, type TimeRange } from "./time-range";
import { ACTION_CODES, PROVISIONING_ACTIONS, PROVISIONING_RESULTS, RESULT_CODES, type ProvisioningActionCode, type ProvisioningResultCode } from "./vocabulary";

/**
 * The provisioning logs' filters as the URL carries them (the URL is the state: a reload or a shared link
 * shows the same view). Parsing is strict: a value that is not one the console can send to Graph is dropped
 * and said in `problems`, never passed on. lib/logs/graph-filter.ts turns the result into Graph's `$filter`.
 */

/** Search-param names (contract for links and e2e). */
export const LOG_PARAMS = {
  status: "status",
  action: "action",
  search: "q",
  range: "range",
  from: "from",
  to: "to",
  cycle: "cycle",
  job: "job",
  app: "app",
} as const;
/** The entry whose detail is open. */
export const ENTRY_PARAM = "entry";

export interface LogFilters {
  status: ProvisioningResultCode | null;
  action: ProvisioningActionCode | null;
  /** A person's name or an identifier, as typed (trimmed). */
  search: string;
  range: TimeRange;
  /** Custom range bounds in UTC, to the minute (`2026-12-01T10:30`); only with range "custom". */
  from: string | null;
  to: string | null;
  cycleId: string | null;
  /** Tenant page only (the job page's path names its job). */
  jobId: string | null;
  /** Tenant page only: the app (servicePrincipal/id). */
  servicePrincipalId: string | null;
}

export const NO_FILTERS: LogFilters = { status: null, action: null, search: "", range: "any", from: null, to: null, cycleId: null, jobId: null, servicePrincipalId: null };

/** Whose logs a page shows: the tenant's, or one job's (its ids come from the validated path). */
export type LogsScope = { kind: "tenant" } | { kind: "job"; servicePrincipalId: string; jobId: string };

export const MAX_SEARCH_LENGTH = 200;

interface Params {
  get(name: string): string | null;
}

export interface ParsedLogFilters {
  filters: LogFilters;
  /** One sentence per value that was dropped or changed. */
  problems: string[];
}

function oneOf<T extends string>(raw: string | null, codes: readonly T[], what: string, problems: string[]): T | null {
  if (raw === null || raw.trim() === "") return null;
  // Case-insensitive here; Graph gets the canonical spelling (its filter values are case-sensitive).
  const code = codes.find((candidate) => candidate.toLowerCase() === raw.trim().toLowerCase());
  if (!code) problems.push(`Ignored the ${what} “${raw}”: it is not one of ${codes.join(", ")}.`);
  return code ?? null;
}

function validId(raw: string | null, schema: Parameters<typeof idProblem>[0], what: string, problems: string[]): string | null {
  const value = raw?.trim() ?? "";
  if (!value) return null;
  const problem = idProblem(schema, value);
  if (problem) problems.push(`Ignored the ${what} “${value.slice(0, 80)}”: ${problem}`);
  return problem ? null : value;
}

function searchText(raw: string | null, problems: string[]): string {
  // Control characters can only come from a hand-made URL; nobody types them.
  const cleaned = (raw ?? "").replace(/\p{Cc}+/gu, " ").trim();
  if (cleaned.length <= MAX_SEARCH_LENGTH) return cleaned;
  problems.push(`Shortened the search to its first ${MAX_SEARCH_LENGTH} characters.`);
  return cleaned.slice(0, MAX_SEARCH_LENGTH).trim();
}

function timeRange(params: Params, problems: string[]): Pick<LogFilters, "range" | "from" | "to"> {
  const rawRange = params.get(LOG_PARAMS.range);
  const rawFrom = params.get(LOG_PARAMS.from)?.trim() || null;
  const rawTo = params.get(LOG_PARAMS.to)?.trim() || null;
  // `from`/`to` without `range` still mean a custom range (a hand-written link).
  const range = oneOf(rawRange, RANGE_CODES, "time range", problems) ?? (rawFrom || rawTo ? "custom" : "any");
  if (range !== "custom") return { range, from: null, to: null };
  const bound = (raw: string | null, what: string) => {
    if (!raw) return null;
    const minute = parseUtcMinute(raw);
    if (!minute) problems.push(`Ignored the ${what} time “${raw.slice(0, 40)}”: write it as 2026-12-01T10:30 (UTC).`);
    return minute;
  };
  const from = bound(rawFrom, "start");
  const to = bound(rawTo, "end");
  if (!from && !to) {
    problems.push("A custom time range needs a start or an end: showing any time.");
    return { range: "any", from: null, to: null };
  }
  if (from && to && utcMinuteTime(from) > utcMinuteTime(to)) {
    problems.push(`Ignored the custom time range: its start (${from}) is after its end (${to}).`);
    return { range: "any", from: null, to: null };
  }
  return { range, from, to };
}

export function parseLogFilters(params: Params, scope: LogsScope): ParsedLogFilters {
  const problems: string[] = [];
  const tenant = scope.kind === "tenant";
  const filters: LogFilters = {
    status: oneOf(params.get(LOG_PARAMS.status), RESULT_CODES, "status", problems),
    action: oneOf(params.get(LOG_PARAMS.action), ACTION_CODES, "action", problems),
    search: searchText(params.get(LOG_PARAMS.search), problems),
    ...timeRange(params, problems),
    cycleId: validId(params.get(LOG_PARAMS.cycle), cycleId, "cycle id", problems),
    jobId: tenant ? validId(params.get(LOG_PARAMS.job), jobId, "job id", problems) : null,
    servicePrincipalId: tenant ? validId(params.get(LOG_PARAMS.app), servicePrincipalId, "app (service principal id)", problems)?.toLowerCase() ?? null : null,
  };
  return { filters, problems };
}

/** The filters as a query string, in a fixed order ("" when none): what links and the form navigate to. */
export function logsSearch(filters: Partial<LogFilters>): string {
  const f = { ...NO_FILTERS, ...filters };
  const custom = f.range === "custom";
  const pairs: [string, string | null][] = [
    [LOG_PARAMS.status, f.status],
    [LOG_PARAMS.action, f.action],
    [LOG_PARAMS.search, f.search || null],
    [LOG_PARAMS.range, f.range === "any" ? null : f.range],
    [LOG_PARAMS.from, custom ? f.from : null],
    [LOG_PARAMS.to, custom ? f.to : null],
    [LOG_PARAMS.cycle, f.cycleId],
    [LOG_PARAMS.job, f.jobId],
    [LOG_PARAMS.app, f.servicePrincipalId],
  ];
  const params = new URLSearchParams(pairs.filter((pair): pair is [string, string] => pair[1] !== null));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** `search` (a `logsSearch` result) with one param set, or removed when `value` is null. */
function withParam(search: string, name: string, value: string | null): string {
  const params = new URLSearchParams(search);
  params.delete(name);
  if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** `search` plus the open entry (or without one). */
export const withEntry = (search: string, entryId: string | null): string => withParam(search, ENTRY_PARAM, entryId);

/** `search` narrowed to one app (the tenant page's rows link there). */
export const withApp = (search: string, servicePrincipalId: string): string => withParam(search, LOG_PARAMS.app, servicePrincipalId);

/** The open entry's id, or null (a malformed one is reported, never looked up). */
export function parseEntryParam(params: Params): { entryId: string | null; problem: string | null } {
  const problems: string[] = [];
  const entryId = validId(params.get(ENTRY_PARAM), logEntryId, "log entry", problems);
  return { entryId, problem: problems[0] ?? null };
}

/** A job's logs of one cycle (the job's `lastExecution.activityIdentifier`); all its logs when the id is not one the filter takes. */
export function cycleSearch(cycle: string | null | undefined): string {
  return cycle && !idProblem(cycleId, cycle) ? logsSearch({ cycleId: cycle }) : "";
}

/** The failed entries only (a quarantined job's banner links there). */
export const FAILURES_SEARCH = logsSearch({ status: "failure" });

export function hasFilters(filters: LogFilters): boolean {
  return logsSearch(filters) !== "";
}

/** Words for the status and action choices (the form's options). */
export const STATUS_CHOICES = RESULT_CODES.map((code) => ({ code, label: PROVISIONING_RESULTS[code].label }));
export const ACTION_CHOICES = ACTION_CODES.map((code) => ({ code, label: PROVISIONING_ACTIONS[code].label }));
