import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types-beta";
import * as z from "zod/mini";
import { parseAnswer, provisioningEntryAnswer } from "./answers";
import type { GraphGateway, GraphPage } from "./gateway";
import { odataString } from "./odata";

export const PROVISIONING_LOGS_PATH = "/auditLogs/provisioning";
/** Rows per page on screen. */
export const LOGS_PAGE_SIZE = 100;
/** The largest `$top` Graph takes here (1000: not documented; the emulator README gives its source). */
export const LOGS_MAX_PAGE_SIZE = 1000;

export type ProvisioningLogEntry = ProvisioningObjectSummary & { id: string };

const entries = z.array(provisioningEntryAnswer);

/**
 * One page of provisioning log entries, newest first (Graph's order). `$top` is always sent: "You must pass
 * the top filter in the query to generate the token" (List provisioningObjectSummary), so without it Graph
 * sends no `@odata.nextLink`. `filter` is a `$filter` built by lib/logs/graph-filter.ts.
 */
export async function listProvisioningLogs(
  graph: GraphGateway,
  options: { filter?: string; top?: number; nextLink?: string; signal?: AbortSignal },
): Promise<GraphPage<ProvisioningLogEntry>> {
  const start = options.nextLink
    ? { nextLink: options.nextLink }
    : { path: PROVISIONING_LOGS_PATH, query: { $top: options.top ?? LOGS_PAGE_SIZE, $filter: options.filter || undefined } };
  const page = await graph.page<unknown>(start, undefined, options.signal);
  return { ...page, value: parseAnswer(entries, page.value, "the provisioning logs") };
}

/**
 * One entry by id, or null when there is none. Read through the documented `id eq` filter (the List page's
 * own example): the provisioning pages document no GET by id. `within` (a `$filter`) keeps it to a job's entries.
 */
export async function getProvisioningLogEntry(graph: GraphGateway, id: string, options: { within?: string; signal?: AbortSignal } = {}): Promise<ProvisioningLogEntry | null> {
  const byId = `id eq ${odataString(id)}`;
  const page = await listProvisioningLogs(graph, { filter: options.within ? `(${options.within}) and ${byId}` : byId, top: 1, signal: options.signal });
  return page.value[0] ?? null;
}
