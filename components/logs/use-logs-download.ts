"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { useGraph } from "@/components/graph/use-graph";
import { isAbortError, toErrorInfo, type GraphErrorInfo } from "@/lib/graph/graph-error";
import { DOWNLOAD_BOUND, pageThroughLogs } from "@/lib/logs/download";
import type { DownloadFormat } from "@/lib/logs/export-file";
import { saveFile } from "./save-file";

export interface SavedFile {
  name: string;
  url: string;
}

export type DownloadState =
  | { phase: "idle" }
  | { phase: "running"; format: DownloadFormat; rows: number; bound: number }
  | { phase: "done"; format: DownloadFormat; rows: number; bound: number; truncated: boolean; files: SavedFile[] }
  | { phase: "cancelled"; format: DownloadFormat; rows: number }
  | { phase: "failed"; format: DownloadFormat; rows: number; error: unknown; info: GraphErrorInfo };

/** Stops a running download and frees the last one's files. */
function release(controller: RefObject<AbortController | null>, urls: RefObject<string[]>): void {
  controller.current?.abort();
  for (const url of urls.current) URL.revokeObjectURL(url);
  urls.current = [];
}

/**
 * Downloads what `filter` matches as CSV or JSON: page by page (progress after each), cancellable, bounded at
 * DOWNLOAD_BOUND rows. The first file is saved when the last page is in; the files' object URLs stay valid (for
 * the CSV's two companion files) until the next download or until the view goes away.
 */
export function useLogsDownload(filter: string | undefined) {
  const graph = useGraph("logs");
  const [state, setState] = useState<DownloadState>({ phase: "idle" });
  const controller = useRef<AbortController | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(() => () => release(controller, urls), []);

  async function start(format: DownloadFormat) {
    release(controller, urls);
    const abort = new AbortController();
    controller.current = abort;
    let rows = 0;
    // A newer download replaces this one: this one's late answers must not overwrite its state.
    const report = (next: DownloadState) => {
      if (controller.current === abort) setState(next);
    };
    setState({ phase: "running", format, rows, bound: DOWNLOAD_BOUND });
    try {
      // papaparse and the file builders load only when someone downloads.
      const { fileBuilder } = await import("@/lib/logs/export-file");
      const builder = fileBuilder(format);
      const outcome = await pageThroughLogs(graph, {
        filter,
        signal: abort.signal,
        onPage: (entries, progress) => {
          builder.add(entries);
          rows = progress.rows;
          report({ phase: "running", format, ...progress });
        },
      });
      if (controller.current !== abort) return;
      const files = builder.finish().map((file) => ({ name: file.name, url: URL.createObjectURL(file.blob) }));
      urls.current = files.map((file) => file.url);
      saveFile(files[0].url, files[0].name);
      setState({ phase: "done", format, rows: outcome.rows, bound: DOWNLOAD_BOUND, truncated: outcome.truncated, files });
    } catch (error) {
      report(isAbortError(error) ? { phase: "cancelled", format, rows } : { phase: "failed", format, rows, error, info: toErrorInfo(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return { state, start, cancel: () => controller.current?.abort() };
}
