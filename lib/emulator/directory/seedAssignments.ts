import { hashInt } from "../engine/random";
import { SP } from "../seed/ids";
import { Assignments } from "./assignments";
import type { Directory } from "./directory";
import { GROUP, USER } from "./ids";
import { DEFAULT_APP_ROLE_ID } from "./types";

/**
 * Who is assigned to which seeded app ("Default Access", the docs' default app role, since the seed apps
 * declare no app roles). Every app with an outbound or cross-tenant job gets users and at least one group;
 * the inbound jobs (cloud sync AD → Entra, API-driven inbound) take their scope from the source, not from
 * Entra assignments, so they get none. Zoom (no job yet) is assigned too. Apps added by `scale` with a job get a
 * deterministic handful.
 */
const NAMED: Record<string, { groups: string[]; users: string[] }> = {
  [SP.slack]: { groups: [GROUP.slackUsers], users: [USER.adeleVance, USER.leeGu, USER.jordanReyes, USER.enricoCattaneo] },
  [SP.box]: { groups: [GROUP.finance], users: [USER.pattiFernandez, USER.henriettaMueller, USER.miriamGraham] },
  [SP.salesforce]: { groups: [GROUP.sales], users: [USER.christieCline, USER.keikoTanaka, USER.noahFischer] },
  // Tomás Ortega is a guest without first and last name, which AWS IAM Identity Center requires: his create fails.
  [SP.aws]: { groups: [GROUP.awsAdministrators], users: [USER.leeGu, USER.gerhartMoller, USER.fatimaZahra, USER.tomasOrtega] },
  [SP.customScim]: { groups: [GROUP.humanResources], users: [USER.pattiFernandez, USER.debraBerger, USER.lidiaHolloway] },
  [SP.databricks]: { groups: [GROUP.dataPlatform], users: [USER.isaiahLanger, USER.paulDubois, USER.georgeNakamura] },
  [SP.githubEmu]: { groups: [GROUP.engineering], users: [USER.adeleVance, USER.gradyArchie, USER.priyaRaman, USER.enricoCattaneo] },
  [SP.crossTenant]: { groups: [GROUP.projectFalcon], users: [USER.diegoSiciliani, USER.hugoLefebvre, USER.isabelGarcia] },
  [SP.xss]: { groups: [GROUP.itAdmins], users: [USER.alexWilber, USER.pradeepGupta, USER.joniSherman] },
  // No job yet, but assigned (as admins do before they configure provisioning): a job created on Zoom has people in scope.
  [SP.zoom]: { groups: [GROUP.customerSupport], users: [USER.christieCline, USER.lynneRobbins, USER.keikoTanaka] },
};

/** Inbound provisioning: scoping is done in the source system, assignments don't apply. */
const INBOUND = new Set<string>([SP.cloudSync, SP.inboundApi]);

/**
 * Groups and people generated apps may get: never the unassigned person, and never Megan Bowen or a group she is
 * in, so that at every scale she reaches an app only through Slack Users ⊃ Marketing.
 */
const GENERATED_GROUPS = [GROUP.engineering, GROUP.sales, GROUP.finance, GROUP.humanResources, GROUP.dataPlatform];
const NEVER_PICKED = new Set<string>([USER.nestorWilke, USER.meganBowen]);

const BASE = Date.UTC(2025, 0, 6, 8, 0, 0);
/** Graph writes createdDateTime with 7 fractional digits (docs example: 2021-02-02T04:22:45.9480566Z). */
const timestamp = (ms: number, salt: string) => `${new Date(ms).toISOString().slice(0, 19)}.${String(hashInt(0, 9_999_999, "assignment:fraction", salt)).padStart(7, "0")}Z`;

/**
 * `withJobs`: the apps that have a synchronization job (each gets assignments, inbound ones aside); `others`: the
 * rest, of which only those named above (Zoom) get assignments.
 */
export function seedAssignments(
  directory: Directory,
  withJobs: readonly { id: string; displayName: string }[],
  others: readonly { id: string; displayName: string }[] = [],
): Assignments {
  const assignments = new Assignments();
  const assign = (app: { id: string; displayName: string }, principalId: string, order: number) => {
    const object = directory.object(principalId);
    if (!object) throw new Error(`seed assignment of unknown principal ${principalId}`);
    const at = BASE + hashInt(0, 200, "assignment:day", app.id) * 86_400_000 + order * 3_600_000;
    assignments.add({
      principalId: object.object.id,
      principalType: object.kind === "user" ? "User" : "Group",
      principalDisplayName: object.object.displayName,
      resourceId: app.id,
      resourceDisplayName: app.displayName,
      appRoleId: DEFAULT_APP_ROLE_ID,
      createdDateTime: timestamp(at, `${app.id}|${principalId}`),
    });
  };
  const candidates = directory.users.filter((user) => !NEVER_PICKED.has(user.id) && user.userType === "Member");
  for (const app of [...withJobs, ...others.filter((other) => NAMED[other.id])]) {
    const named = NAMED[app.id];
    if (INBOUND.has(app.id)) continue;
    const groups = named?.groups ?? [GENERATED_GROUPS[hashInt(0, GENERATED_GROUPS.length - 1, "assignment:group", app.id)]];
    let users = named?.users;
    if (!users) {
      const count = hashInt(3, 8, "assignment:count", app.id);
      const picked = new Set<string>();
      for (let i = 0; picked.size < Math.min(count, candidates.length); i++) picked.add(candidates[hashInt(0, candidates.length - 1, "assignment:user", app.id, i)].id);
      users = [...picked];
    }
    [...groups, ...users].forEach((principalId, order) => assign(app, principalId, order));
  }
  assignments.version = 0;
  return assignments;
}
