import type { LogEntryView } from "@/lib/logs/entry-view";
import { scopeFacts, type ScopeFact } from "@/lib/on-demand/scope-facts";
import type { AssignmentView } from "./assignment";

/**
 * Whether a person is in an app's provisioning scope, and why, in words. The evidence: how they are assigned now,
 * and the scoping step of the latest event (a log entry, or a Provision now just run, which is fresher than any
 * assignment read). Without an event, an assignment says only "in scope unless a scoping filter keeps them out":
 * the trace reads no schema, so `inScope` stays unknown (null).
 */

export interface ScopeView {
  inScope: boolean | null;
  text: string;
  /** The scoping step's facts, when an event has one. */
  facts: ScopeFact[];
}

export interface ScopeInput {
  assignment: AssignmentView;
  accountEnabled: boolean | null | undefined;
  event: LogEntryView | null;
  /** "on-demand": the event was just made by Provision now, so it is the present state. */
  eventSource: "log" | "on-demand";
}

const SCOPING_FILTER = /^Scoping filter “(.*)”$/;

function outOfScopeReason(facts: ScopeFact[]): string {
  const filters = facts.filter((fact) => fact.holds === false && SCOPING_FILTER.test(fact.label)).map((fact) => `“${SCOPING_FILTER.exec(fact.label)![1]}”`);
  if (filters.length) return `the scoping filter keeps them out (${filters.join(", ")} ${filters.length === 1 ? "does" : "do"} not hold)`;
  const fact = (label: string) => facts.find((candidate) => candidate.label === label)?.holds;
  if (fact("Assigned to the application") === false) return "the provisioning service found them not assigned to the app";
  if (fact("Active in the source system") === false) return "they are not active in the source system";
  return "the provisioning service found them out of scope";
}

const syncAll = (facts: ScopeFact[]) => facts.some((fact) => fact.label === "Scope: sync all users and groups" && fact.holds === true);

/** The service created or updated (or tried to) their account: only objects in scope are exported so. A disable is not: it follows leaving the scope. */
const exported = (event: LogEntryView | null) => event !== null && ["create", "update"].includes(event.action.code) && event.status.code !== "skipped";

function disabledNote(event: LogEntryView | null): string {
  const done = event && event.status.code === "success" && event.action.code === "disable";
  return done ? " Account disabled in Entra ID, and disabled in the app." : " Account disabled in Entra ID: it is disabled in the app at the next cycle.";
}

function verdict({ assignment, event, eventSource }: ScopeInput): Omit<ScopeView, "facts"> {
  const evidence = event ? scopeFacts(event.steps) : null;
  const facts = evidence?.facts ?? [];
  const seen = eventSource === "on-demand" ? "provision on demand" : "the latest event";

  if (eventSource === "on-demand" && evidence?.inScope != null) {
    return evidence.inScope ? { inScope: true, text: "In scope: provision on demand found them in scope." } : { inScope: false, text: `Not in scope: ${outOfScopeReason(facts)}.` };
  }
  const effective = assignment.kind === "direct" || (assignment.kind === "group" && assignment.groups.some((g) => g.nested !== true));
  if (!effective) {
    const wasInScope = evidence?.inScope === true || (evidence?.inScope == null && exported(event));
    if (wasInScope && syncAll(facts)) return { inScope: true, text: "In scope through sync all: the job provisions every user, assigned or not." };
    if (wasInScope) {
      const now = assignment.kind === "none" ? "Not assigned now" : "Now only through a nested group";
      return { inScope: null, text: `${now}, but ${seen} provisioned them: in scope through sync all, or assigned earlier.` };
    }
    if (assignment.kind === "none") return { inScope: false, text: "Not in scope: not assigned to the app." };
    return { inScope: false, text: "Not in scope: Entra provisions the direct members of an assigned group, not the members of groups nested in it." };
  }
  if (evidence?.inScope === false) return { inScope: false, text: `Not in scope: ${outOfScopeReason(facts)}.` };
  if (evidence?.inScope === true) return { inScope: true, text: `In scope: assigned, and ${seen} found them in scope.` };
  if (evidence?.inScope == null && exported(event)) return { inScope: true, text: `In scope: assigned, and ${seen} created or updated their account.` };
  if (assignment.kind === "group" && assignment.groups.every((g) => g.nested === null)) {
    return { inScope: null, text: "Assigned through a group; whether they are a direct member of it, and so in scope, is not known." };
  }
  return { inScope: null, text: "Assigned: in scope unless a scoping filter keeps them out. No provisioning event says yet; Provision now to check." };
}

export function scopeView(input: ScopeInput): ScopeView {
  const base = verdict(input);
  const facts = input.event ? (scopeFacts(input.event.steps)?.facts ?? []) : [];
  const disabled = input.accountEnabled === false && base.inScope !== false;
  return { ...base, text: disabled ? `${base.text}${disabledNote(input.event)}` : base.text, facts };
}
