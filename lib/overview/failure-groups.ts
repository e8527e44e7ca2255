import type { ProvisioningObjectSummary } from "@microsoft/microsoft-graph-types-beta";
import { entryErrorInformation } from "@/lib/logs/entry-view";
import { docsAdviceFor } from "@/lib/logs/error-advice";

/** Failed provisioning log entries grouped by error code, with what to do about each code. */

/** What the Overview keeps of one failed entry (a read holds up to 10,000 of them). */
export interface FailureFact {
  at: string | null;
  /** Graph's `errorCode`; null when the entry has none. */
  code: string | null;
  reason: string | null;
  /** Graph's `recommendedAction`, when the entry carries one. */
  recommendedAction: string | null;
  app: string | null;
}

export interface FailureGroup {
  /** null: entries without an error code. */
  code: string | null;
  count: number;
  /** Graph's recommended action (the first entry of the code that has one), else Microsoft's for the code. */
  recommendedAction: string | null;
  recommendedActionSource: "graph" | "docs" | null;
  /** One entry's reason, as an example of what happened. */
  exampleReason: string | null;
  /** The apps (service principal names) with this failure, A–Z. */
  apps: string[];
  /** The newest entry's time. */
  lastAt: string | null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
const object = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export function toFailureFact(entry: ProvisioningObjectSummary): FailureFact {
  const info = entryErrorInformation(entry);
  return {
    at: text(entry.activityDateTime),
    code: text(info.errorCode),
    reason: text(info.reason),
    recommendedAction: text(info.recommendedAction),
    app: text(object(entry.servicePrincipal).displayName),
  };
}

const later = (a: string | null, b: string | null) => (!a ? b : !b ? a : Date.parse(b) > Date.parse(a) ? b : a);

/** Largest group first, then by code (no code last). */
export function groupFailures(facts: readonly FailureFact[]): FailureGroup[] {
  const groups = new Map<string | null, FailureGroup & { appSet: Set<string> }>();
  for (const fact of facts) {
    let group = groups.get(fact.code);
    if (!group) {
      group = { code: fact.code, count: 0, recommendedAction: null, recommendedActionSource: null, exampleReason: null, apps: [], lastAt: null, appSet: new Set() };
      groups.set(fact.code, group);
    }
    group.count++;
    if (!group.recommendedAction && fact.recommendedAction) {
      group.recommendedAction = fact.recommendedAction;
      group.recommendedActionSource = "graph";
    }
    group.exampleReason ??= fact.reason;
    if (fact.app) group.appSet.add(fact.app);
    group.lastAt = later(group.lastAt, fact.at);
  }
  return [...groups.values()]
    .map(({ appSet, ...group }) => {
      const docs = group.recommendedAction ? null : docsAdviceFor(group.code);
      return {
        ...group,
        apps: [...appSet].sort((a, b) => a.localeCompare(b, "en")),
        ...(docs ? { recommendedAction: docs, recommendedActionSource: "docs" as const } : {}),
      };
    })
    .sort((a, b) => b.count - a.count || (a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code, "en")));
}
