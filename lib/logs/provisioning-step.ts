import type { ProvisioningStepType } from "@microsoft/microsoft-graph-types-beta";
import { toMoment, type Moment } from "@/lib/jobs/moment";
import { parserFor, type Parsed, type Term } from "@/lib/jobs/vocabulary";
import { parseProvisioningResult, type ProvisioningResultCode } from "./vocabulary";

/**
 * One provisioning step as the console shows it, whichever source it comes from: a provisioning log entry
 * (`provisioningSteps[]`: `provisioningStepType`, lower-case statuses, no time) or a provision-on-demand
 * answer (`provisioningSteps[]` inside its JSON `value`: `type`, capitalised statuses, `timestamp`). Both are
 * normalised here and nowhere else, so one renderer (components/logs/provisioning-steps.tsx) shows both.
 */

export type StepTypeCode = Exclude<ProvisioningStepType, "unknownFutureValue">;

/** The steps in the words of the provisioning logs' Steps tab (concept-provisioning-logs.md). */
export const STEP_TYPES: Record<StepTypeCode, Term> = {
  import: { label: "Import", tone: "neutral", meaning: "Import the object." },
  scoping: { label: "Scoping", tone: "neutral", meaning: "Determine if the object is in scope." },
  matching: { label: "Matching", tone: "neutral", meaning: "Match the object between source and target." },
  processing: { label: "Processing", tone: "neutral", meaning: "Evaluate the object before synchronization." },
  referenceResolution: { label: "Reference resolution", tone: "neutral", meaning: "Resolve the object's references to other objects." },
  export: { label: "Export", tone: "neutral", meaning: "Provision the object (create, update, delete, or disable)." },
};

export const parseStepType = parserFor(STEP_TYPES, "step type");

export interface StepDetail {
  name: string;
  value: string;
}

export interface ProvisioningStepView {
  /** Graph's step name, e.g. `EntryExportAdd`. */
  name: string | null;
  type: Parsed<StepTypeCode>;
  status: Parsed<ProvisioningResultCode>;
  description: string | null;
  details: StepDetail[];
  /** When the step ran: on-demand answers say, log entries do not. */
  timestamp: Moment | null;
}

/** A step as either source sends it (fields of both; anything may be missing or null). */
export interface RawProvisioningStep {
  name?: unknown;
  provisioningStepType?: unknown;
  type?: unknown;
  status?: unknown;
  description?: unknown;
  details?: unknown;
  timestamp?: unknown;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** `details` is a string→string bag (detailsInfo); other values are shown as JSON rather than dropped. */
function toDetails(details: unknown): StepDetail[] {
  if (!details || typeof details !== "object" || Array.isArray(details)) return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([name, value]) => !name.startsWith("@odata.") && value !== null && value !== undefined)
    .map(([name, value]) => ({ name, value: typeof value === "string" ? value : JSON.stringify(value) }));
}

export function toStepView(step: RawProvisioningStep, now: Date = new Date()): ProvisioningStepView {
  const timestamp = text(step.timestamp);
  return {
    name: text(step.name),
    type: parseStepType(step.provisioningStepType ?? step.type),
    status: parseProvisioningResult(step.status),
    description: text(step.description),
    details: toDetails(step.details),
    timestamp: timestamp ? toMoment(timestamp, now) : null,
  };
}

/** Every step of a `provisioningSteps` list, in the order the service ran them; anything but a list is no steps. */
export function toStepViews(steps: unknown, now: Date = new Date()): ProvisioningStepView[] {
  if (!Array.isArray(steps)) return [];
  return steps.filter((step): step is RawProvisioningStep => !!step && typeof step === "object").map((step) => toStepView(step, now));
}
