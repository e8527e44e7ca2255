import type { ProvisioningLogEntry } from "@/lib/graph/provisioning-logs";
import { entryErrorInformation, entryStatus } from "./entry-view";

/**
 * The CSV download's files and columns. Source: Microsoft's "How to download and analyze the Microsoft Entra
 * provisioning logs" (howto-analyze-provisioning-logs.md, "CSV format"): the portal's CSV download is three
 * files — ProvisioningLogs (every field except the steps and modified properties), ProvisioningLogs_ProvisioningSteps
 * and ProvisioningLogs_ModifiedProperties — joined by the change ID. The page names no columns, so each column is
 * one provisioningObjectSummary property (v1.0 resource page), values as Graph sent them.
 */

type Cell = string | number | null;
export interface Column<T> {
  header: string;
  value: (row: T) => Cell;
}

const object = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const cell = (value: unknown): Cell => (typeof value === "string" || typeof value === "number" ? value : null);
/** `a/b` of an entry: a nested property, or null. */
const at = (entry: ProvisioningLogEntry, path: string): Cell => cell(path.split("/").reduce<unknown>((node, key) => object(node)[key], entry));

export const ENTRY_COLUMNS: Column<ProvisioningLogEntry>[] = [
  { header: "Date (UTC)", value: (e) => at(e, "activityDateTime") },
  { header: "ID", value: (e) => e.id },
  { header: "Change ID", value: (e) => at(e, "changeId") },
  { header: "Cycle ID", value: (e) => at(e, "cycleId") },
  { header: "Job ID", value: (e) => at(e, "jobId") },
  { header: "Tenant ID", value: (e) => at(e, "tenantId") },
  { header: "Action", value: (e) => cell(e.provisioningAction ?? e.action) },
  { header: "Status", value: (e) => cell(entryStatus(e)) },
  { header: "Error code", value: (e) => cell(entryErrorInformation(e).errorCode) },
  { header: "Reason", value: (e) => cell(entryErrorInformation(e).reason) },
  { header: "Additional details", value: (e) => cell(entryErrorInformation(e).additionalDetails) },
  { header: "Error category", value: (e) => cell(entryErrorInformation(e).errorCategory) },
  { header: "Recommended action", value: (e) => cell(entryErrorInformation(e).recommendedAction) },
  { header: "Duration (ms)", value: (e) => at(e, "durationInMilliseconds") },
  { header: "Service principal ID", value: (e) => at(e, "servicePrincipal/id") },
  { header: "Service principal name", value: (e) => at(e, "servicePrincipal/displayName") },
  { header: "Source system", value: (e) => at(e, "sourceSystem/displayName") },
  { header: "Target system", value: (e) => at(e, "targetSystem/displayName") },
  { header: "Source identity type", value: (e) => at(e, "sourceIdentity/identityType") },
  { header: "Source ID", value: (e) => at(e, "sourceIdentity/id") },
  { header: "Source display name", value: (e) => at(e, "sourceIdentity/displayName") },
  { header: "Target identity type", value: (e) => at(e, "targetIdentity/identityType") },
  { header: "Target ID", value: (e) => at(e, "targetIdentity/id") },
  { header: "Target display name", value: (e) => at(e, "targetIdentity/displayName") },
  { header: "Initiated by", value: (e) => at(e, "initiatedBy/displayName") },
  { header: "Initiator type", value: (e) => at(e, "initiatedBy/initiatorType") },
];

interface StepRow {
  changeId: Cell;
  index: number;
  step: Record<string, unknown>;
}
interface PropertyRow {
  changeId: Cell;
  property: Record<string, unknown>;
}

export const STEP_COLUMNS: Column<StepRow>[] = [
  { header: "Change ID", value: (r) => r.changeId },
  { header: "Step", value: (r) => r.index },
  { header: "Name", value: (r) => cell(r.step.name) },
  { header: "Type", value: (r) => cell(r.step.provisioningStepType) },
  { header: "Status", value: (r) => cell(r.step.status) },
  { header: "Description", value: (r) => cell(r.step.description) },
  { header: "Details", value: (r) => (Object.keys(object(r.step.details)).length ? JSON.stringify(r.step.details) : null) },
];

export const PROPERTY_COLUMNS: Column<PropertyRow>[] = [
  { header: "Change ID", value: (r) => r.changeId },
  { header: "Property", value: (r) => cell(r.property.displayName) },
  { header: "Old value", value: (r) => cell(r.property.oldValue) },
  { header: "New value", value: (r) => cell(r.property.newValue) },
];

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(object) : []);

export const stepRows = (entries: ProvisioningLogEntry[]): StepRow[] =>
  entries.flatMap((e) => list(e.provisioningSteps).map((step, i) => ({ changeId: at(e, "changeId"), index: i + 1, step })));

export const propertyRows = (entries: ProvisioningLogEntry[]): PropertyRow[] =>
  entries.flatMap((e) => list(e.modifiedProperties).map((property) => ({ changeId: at(e, "changeId"), property })));

/** Rows of cells, in the columns' order. */
export const cells = <T>(columns: Column<T>[], rows: T[]): Cell[][] => rows.map((row) => columns.map((column) => column.value(row)));
export const headers = <T>(columns: Column<T>[]): string[] => columns.map((column) => column.header);
