import type { GraphGateway } from "@/lib/graph/gateway";
import { LOGS_MAX_PAGE_SIZE, listProvisioningLogs, type ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";

/**
 * Rows a download holds at most. The portal says to "set the filters as specific as possible to reduce the
 * size and time of the download"; 50,000 entries are 50 Graph pages and ~50–125 MB in the browser (CSV / JSON).
 */
export const DOWNLOAD_BOUND = 50_000;
/** Graph may answer pages with no entries but a nextLink while it scans; this many pages end the download anyway. */
const MAX_PAGES = 1_000;

export interface DownloadProgress {
  rows: number;
  bound: number;
}

export interface DownloadOutcome {
  rows: number;
  /** More entries matched than the bound let in. */
  truncated: boolean;
}

/**
 * Every entry that `filter` matches, newest first, page by page (the largest `$top`), each page handed to
 * `onPage` as it arrives; stops at `bound` rows. `signal` cancels between and during requests (AbortError).
 */
export async function pageThroughLogs(
  graph: GraphGateway,
  options: { filter?: string; bound?: number; signal?: AbortSignal; onPage: (entries: ProvisioningLogEntry[], progress: DownloadProgress) => void },
): Promise<DownloadOutcome> {
  const bound = options.bound ?? DOWNLOAD_BOUND;
  const { signal } = options;
  let rows = 0;
  let page = await listProvisioningLogs(graph, { filter: options.filter, top: Math.min(LOGS_MAX_PAGE_SIZE, bound), signal });
  for (let pages = 1; ; pages++) {
    signal?.throwIfAborted();
    const taken = page.value.length > bound - rows ? page.value.slice(0, bound - rows) : page.value;
    rows += taken.length;
    options.onPage(taken, { rows, bound });
    const more = taken.length < page.value.length || !!page.nextLink;
    if (rows >= bound || !page.nextLink || pages >= MAX_PAGES) return { rows, truncated: more };
    page = await listProvisioningLogs(graph, { nextLink: page.nextLink, signal });
  }
}
