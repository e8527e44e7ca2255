import type { SynchronizationRule, SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";
import { metadataValue } from "@/lib/metadata/metadata";

/**
 * The rules of a job's schema that provision on demand can run, and what each can take. Graph marks them with the
 * rule metadata `supportsProvisionOnDemand` ("true"). A schema none of whose rules carries the entry (older
 * templates) offers every rule: nothing says otherwise; Graph refuses if it must.
 */

export interface OnDemandRule {
  id: string;
  /** In words: "Azure Active Directory → Box (USER_TO_USER)". */
  label: string;
  /** Its object mappings provision groups (enabled Group → … mapping): a group and its members may be chosen. */
  groups: boolean;
}

const SUPPORTS = "supportsProvisionOnDemand";

const provisionsGroups = (rule: SynchronizationRule) =>
  (rule.objectMappings ?? []).some((mapping) => mapping.enabled !== false && mapping.sourceObjectName?.toLowerCase() === "group");

function label(rule: SynchronizationRule): string {
  const route = rule.sourceDirectoryName && rule.targetDirectoryName ? `${rule.sourceDirectoryName} → ${rule.targetDirectoryName}` : null;
  const name = rule.name ?? rule.id ?? "Unnamed rule";
  return route ? `${route} (${name})` : name;
}

export function onDemandRules(schema: SynchronizationSchema | null | undefined): OnDemandRule[] {
  const rules = (schema?.synchronizationRules ?? []).filter((rule): rule is SynchronizationRule & { id: string } => typeof rule?.id === "string" && rule.id !== "");
  const marked = rules.some((rule) => metadataValue(rule.metadata, SUPPORTS) !== undefined);
  return rules
    .filter((rule) => !marked || metadataValue(rule.metadata, SUPPORTS)?.toLowerCase() === "true")
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
    .map((rule) => ({ id: rule.id, label: label(rule), groups: provisionsGroups(rule) }));
}
