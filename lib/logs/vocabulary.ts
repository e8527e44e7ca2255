import type { ProvisioningAction, ProvisioningResult } from "@microsoft/microsoft-graph-types-beta";
import { parserFor, type Term } from "@/lib/jobs/vocabulary";

/** The provisioning logs' enums in words (provisioningObjectSummary resource page; provisioningResult, provisioningAction). */

export type ProvisioningResultCode = Exclude<ProvisioningResult, "unknownFutureValue">;
export type ProvisioningActionCode = Exclude<ProvisioningAction, "unknownFutureValue">;

export const PROVISIONING_RESULTS: Record<ProvisioningResultCode, Term> = {
  success: { label: "Success", tone: "success", meaning: "The provisioning service did what this change needed." },
  failure: { label: "Failure", tone: "danger", meaning: "The change failed; the error says why and what to do." },
  skipped: {
    label: "Skipped",
    tone: "neutral",
    meaning: "Nothing was done: the object is out of scope, or source and target already match.",
  },
  warning: { label: "Warning", tone: "warning", meaning: "The change was made, with a warning." },
};

export const PROVISIONING_ACTIONS: Record<ProvisioningActionCode, Term> = {
  create: { label: "Create", tone: "info", meaning: "The object was created in the target system." },
  update: { label: "Update", tone: "info", meaning: "The object was updated in the target system." },
  delete: { label: "Delete", tone: "neutral", meaning: "The object was deleted from the target system." },
  disable: { label: "Disable", tone: "neutral", meaning: "The object was disabled in the target system." },
  stagedDelete: {
    label: "Staged delete",
    tone: "warning",
    meaning: "A deletion held back by the accidental-deletions threshold, waiting for an administrator.",
  },
  other: { label: "Other", tone: "neutral", meaning: "Another provisioning activity." },
};

/** Graph's values as the filters need them: exactly these spellings (filter values are case-sensitive). */
export const RESULT_CODES = Object.keys(PROVISIONING_RESULTS) as ProvisioningResultCode[];
export const ACTION_CODES = Object.keys(PROVISIONING_ACTIONS) as ProvisioningActionCode[];

/** Case-insensitive: logs send `success`, provision on demand `Success`. */
export const parseProvisioningResult = parserFor(PROVISIONING_RESULTS, "provisioning status");
export const parseProvisioningAction = parserFor(PROVISIONING_ACTIONS, "provisioning action");
