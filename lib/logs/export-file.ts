import Papa from "papaparse";
import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { cells, ENTRY_COLUMNS, headers, PROPERTY_COLUMNS, propertyRows, STEP_COLUMNS, stepRows, type Column } from "./csv-columns";

/**
 * The download's files, built page by page as Blobs of parts (each page becomes one part, so the whole
 * download is never one string in memory).
 *
 * CSV encoding is papaparse's `unparse` (widely used, maintained, no dependencies): it quotes fields that hold
 * commas, quotes or line breaks and doubles inner quotes (RFC 4180), and with `escapeFormulae` it prefixes
 * cells that start with = + - @ so a display name like `=HYPERLINK(…)` stays text in Excel (CSV injection).
 */

export type DownloadFormat = "csv" | "json";

export interface LogsFile {
  name: string;
  blob: Blob;
}

export interface LogsFileBuilder {
  add(entries: ProvisioningLogEntry[]): void;
  finish(): LogsFile[];
}

/** Excel reads a CSV as UTF-8 (names like "Tomás") only with a byte-order mark. */
const BOM = "\uFEFF";
const CSV_TYPE = "text/csv;charset=utf-8";

function csvFile<T>(name: string, columns: Column<T>[], rowsOf: (entries: ProvisioningLogEntry[]) => T[]) {
  const parts: BlobPart[] = [BOM + Papa.unparse([headers(columns)]) + "\r\n"];
  return {
    add(entries: ProvisioningLogEntry[]) {
      const rows = cells(columns, rowsOf(entries));
      if (rows.length) parts.push(new Blob([Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" }) + "\r\n"]));
    },
    finish: (): LogsFile => ({ name, blob: new Blob(parts, { type: CSV_TYPE }) }),
  };
}

/** The portal's three CSV files (see csv-columns.ts), the entries file first. */
export function csvFiles(): LogsFileBuilder {
  const files = [
    csvFile("ProvisioningLogs.csv", ENTRY_COLUMNS, (entries) => entries),
    csvFile("ProvisioningLogs_ProvisioningSteps.csv", STEP_COLUMNS, stepRows),
    csvFile("ProvisioningLogs_ModifiedProperties.csv", PROPERTY_COLUMNS, propertyRows),
  ];
  return {
    add: (entries) => files.forEach((file) => file.add(entries)),
    finish: () => files.map((file) => file.finish()),
  };
}

/** One JSON array of the entries as Graph sent them, compact (as the portal's JSON download). */
export function jsonFile(): LogsFileBuilder {
  const parts: BlobPart[] = ["["];
  let first = true;
  return {
    add(entries) {
      if (!entries.length) return;
      parts.push(new Blob([(first ? "" : ",") + entries.map((entry) => JSON.stringify(entry)).join(",")]));
      first = false;
    },
    finish: () => [{ name: "ProvisioningLogs.json", blob: new Blob([...parts, "]"], { type: "application/json" }) }],
  };
}

export const fileBuilder = (format: DownloadFormat): LogsFileBuilder => (format === "csv" ? csvFiles() : jsonFile());
