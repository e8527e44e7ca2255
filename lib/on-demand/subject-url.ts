import { MAX_ON_DEMAND_MEMBERS } from "./limits";

/**
 * The on-demand page's URL state: who is chosen and by which rule, so a link reopens the same choice (it never
 * runs anything by itself). `?user=<id>`, or `?group=<id>&members=<id>,<id>`, and `rule=<ruleId>`. Ids that are
 * not GUIDs, or more than 5 members, are dropped with a problem to show.
 */

export type SubjectChoice = { type: "user"; id: string } | { type: "group"; id: string; memberIds: string[] } | null;

export interface OnDemandUrlState {
  subject: SubjectChoice;
  ruleId: string | null;
  problems: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._#-]{0,199}$/;

export function parseOnDemandSearch(params: URLSearchParams): OnDemandUrlState {
  const problems: string[] = [];
  const rule = params.get("rule");
  const ruleId = rule && RULE_ID.test(rule) ? rule : null;
  if (rule && !ruleId) problems.push("The rule in the link is not a rule id; pick the rule again.");
  const user = params.get("user");
  const group = params.get("group");
  if (user) {
    if (GUID.test(user)) return { subject: { type: "user", id: user.toLowerCase() }, ruleId, problems };
    problems.push("The user in the link is not an object id; search for the person again.");
  } else if (group) {
    if (!GUID.test(group)) {
      problems.push("The group in the link is not an object id; search for the group again.");
      return { subject: null, ruleId, problems };
    }
    const listed = (params.get("members") ?? "").split(",").filter(Boolean);
    const valid = [...new Set(listed.filter((id) => GUID.test(id)).map((id) => id.toLowerCase()))];
    if (valid.length < listed.length) problems.push("Some members in the link are not object ids; they were left out.");
    if (valid.length > MAX_ON_DEMAND_MEMBERS) problems.push(`The link chooses ${valid.length} members; provision on demand takes at most ${MAX_ON_DEMAND_MEMBERS}. The first ${MAX_ON_DEMAND_MEMBERS} are chosen.`);
    return { subject: { type: "group", id: group.toLowerCase(), memberIds: valid.slice(0, MAX_ON_DEMAND_MEMBERS) }, ruleId, problems };
  }
  return { subject: null, ruleId, problems };
}

export function onDemandSearch(subject: SubjectChoice, ruleId: string | null): string {
  const params = new URLSearchParams();
  if (subject?.type === "user") params.set("user", subject.id);
  if (subject?.type === "group") {
    params.set("group", subject.id);
    if (subject.memberIds.length) params.set("members", subject.memberIds.join(","));
  }
  if (ruleId) params.set("rule", ruleId);
  const text = params.toString();
  return text ? `?${text}` : "";
}
