import type { ProvisioningStepView } from "@/lib/logs/provisioning-step";

/**
 * Why an object is or isn't in scope, in the words of provision-on-demand.md ("Step 3: Determine if user is in
 * scope"), read from the scoping step's details (`IsActive`, `Assigned`, `IsInProvisioningScopeDisplayName`,
 * `ScopeEvaluationResult` — a JSON object of scoping filter group → "true"/"false", as the docs' example and the
 * provisioning service send them). Details it does not know are left to the step renderer.
 */

export interface ScopeFact {
  label: string;
  /** null: reported, but not as true or false. */
  holds: boolean | null;
  /** The value as sent, when it is not a plain true/false. */
  value?: string;
}

const FACTS: [detail: string, label: string][] = [
  ["Assigned", "Assigned to the application"],
  ["IsActive", "Active in the source system"],
  ["ScopeSyncAll", "Scope: sync all users and groups"],
  ["HasRequiredRole", "Has the required role"],
];
const IN_SCOPE = "IsInProvisioningScopeDisplayName";

function truth(value: string | undefined): boolean | null {
  const lower = value?.trim().toLowerCase();
  return lower === "true" ? true : lower === "false" ? false : null;
}

function filterFacts(result: string | undefined): ScopeFact[] {
  if (!result) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(result);
  } catch {
    return [{ label: "Scoping filters", holds: null, value: result }];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return [];
  return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => ({ label: `Scoping filter “${name}”`, holds: truth(String(value)) }));
}

/** The facts of the first scoping step, and the verdict; null when the service reported no scoping step. */
export function scopeFacts(steps: readonly ProvisioningStepView[]): { inScope: boolean | null; facts: ScopeFact[] } | null {
  const step = steps.find((candidate) => candidate.type.code === "scoping");
  if (!step) return null;
  const details = new Map(step.details.map((detail) => [detail.name.toLowerCase(), detail.value]));
  const facts = FACTS.flatMap(([detail, label]) => (details.has(detail.toLowerCase()) ? [{ label, holds: truth(details.get(detail.toLowerCase())) }] : []));
  return { inScope: truth(details.get(IN_SCOPE.toLowerCase())), facts: [...facts, ...filterFacts(details.get("scopeevaluationresult"))] };
}
