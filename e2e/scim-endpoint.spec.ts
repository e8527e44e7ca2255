import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_CONSOLE_LOG_FILE, E2E_SCIM_TARGET_PORT } from "../playwright.config";
import { SCIM_TARGET_DEMO_TOKEN } from "../lib/scim-target/demo-token";
import { expectNoAxeViolations } from "./support/axe";
import { graphGet, graphWrite, requestLog } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * The custom SCIM app (Contoso HR Portal) provisioning into the built-in SCIM server that `npm start` runs beside
 * the emulator, configured in the console as an admin testing their own endpoint would: Test connection with a
 * wrong token (the endpoint's 401), then the right one; provision one person on demand (the SCIM requests are its
 * steps); Start; then a department change and an unassignment reach the server in the next cycle; last, a wrong
 * token quarantines the started job. Everything is read back over SCIM. Serial: the tests share the job.
 */
test.describe.configure({ mode: "serial" });

const HR_PORTAL = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d05";
const SCIM_URL = `http://127.0.0.1:${E2E_SCIM_TARGET_PORT}/scim/v2`;
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const WRONG_TOKEN = "not-the-scim-token-7d2e";
const sync = `/servicePrincipals/${HR_PORTAL}/synchronization`;

interface ScimUser {
  id: string;
  userName: string;
  active: boolean;
  [ENTERPRISE]?: { department?: string };
}
const scim = async (path: string) => {
  const response = await fetch(`${SCIM_URL}${path}`, { headers: { Authorization: `Bearer ${SCIM_TARGET_DEMO_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.json();
};
const scimUsers = async () => (await scim("/Users?count=1000")).Resources as ScimUser[];
const scimUser = async (userName: string) => (await scim(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).Resources[0] as ScimUser | undefined;
const upnsOf = async (ids: string[]) => Promise.all(ids.map(async (id) => (await graphGet<{ userPrincipalName: string }>(`/users/${id}`)).userPrincipalName));

let jobId = "";
const jobPage = () => `/service-principals/${HR_PORTAL}/jobs/${encodeURIComponent(jobId)}`;
/** Reading the job runs its due cycle (the emulator runs a SCIM endpoint's cycles when they are read). */
const readJob = () => graphGet<{ status: { code: string; quarantine: { error: { code: string } | null } | null } }>(`${sync}/jobs/${encodeURIComponent(jobId)}`);

/** Who the HR portal provisions: its directly assigned users and the direct members of its assigned groups. */
async function assignedUserIds(): Promise<string[]> {
  const assignments = (await graphGet<{ value: { principalId: string; principalType: string }[] }>(`/servicePrincipals/${HR_PORTAL}/appRoleAssignedTo`)).value;
  const ids = new Set<string>();
  for (const assignment of assignments) {
    if (assignment.principalType === "User") ids.add(assignment.principalId);
    else for (const member of (await graphGet<{ value: { id: string; "@odata.type": string }[] }>(`/groups/${assignment.principalId}/members`)).value) if (member["@odata.type"] === "#microsoft.graph.user") ids.add(member.id);
  }
  return [...ids];
}

async function fill(page: Page, token: string) {
  const form = page.getByTestId("configure-form");
  await form.getByTestId("configure-field-BaseAddress").fill(SCIM_URL);
  await form.getByTestId("configure-field-SecretToken").fill(token);
}

test.beforeAll(async () => {
  // One job on the app: the seeded one would provision into the same endpoint.
  for (const job of (await graphGet<{ value: { id: string }[] }>(`${sync}/jobs`)).value) expect((await graphWrite("DELETE", `${sync}/jobs/${encodeURIComponent(job.id)}`)).status).toBe(204);
  const created = await graphWrite("POST", `${sync}/jobs`, { templateId: "scim" });
  expect(created.status).toBe(201);
  jobId = ((await created.json()) as { id: string }).id;
  expect(await scimUsers()).toEqual([]);
});

test("configured with the built-in server: a wrong token fails Test connection with its 401, the right one passes; on demand shows the SCIM requests; Start provisions everyone", async ({ page }) => {
  test.setTimeout(150_000);
  await openSignedIn(page, `${jobPage()}/configure`);
  const form = page.getByTestId("configure-form");
  await fill(page, WRONG_TOKEN);
  await form.getByTestId("configure-test").click();
  const result = form.getByTestId("configure-test-result");
  await expect(result).toHaveAttribute("data-outcome", "failed");
  await expect(result).toContainText("SystemForCrossDomainIdentityManagementCredentialValidationFailure");
  await expect(result).toContainText("Response Status Code: Unauthorized");
  await expect(result).not.toContainText(WRONG_TOKEN);

  await form.getByTestId("configure-field-SecretToken").fill(SCIM_TARGET_DEMO_TOKEN);
  await form.getByTestId("configure-test").click();
  await expect(result).toHaveAttribute("data-outcome", "passed");
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");
  await expectNoAxeViolations(page);

  // Provision one person now: the steps are the SCIM exchanges.
  const [first] = await assignedUserIds();
  const [firstUpn] = await upnsOf([first]);
  await page.goto(`${jobPage()}/provision?user=${first}`);
  await expect(page.getByTestId("on-demand-chosen")).toBeVisible();
  await page.getByTestId("on-demand-run").click();
  await expect(page.getByTestId("on-demand-result")).toHaveAttribute("data-result", "success");
  const steps = page.getByTestId("on-demand-detail").getByTestId("on-demand-step");
  await expect(steps.and(page.locator('[data-step-type="matching"]'))).toContainText(`GET ${SCIM_URL}/Users?filter=userName+eq+"${firstUpn}"`);
  await expect(steps.and(page.locator('[data-step-type="export"]'))).toContainText(`POST ${SCIM_URL}/Users`);
  await expect(steps.and(page.locator('[data-step-type="export"]'))).toContainText("201 Created");
  expect((await scimUsers()).map((user) => user.userName)).toEqual([firstUpn]);

  // Start: the initial cycle provisions the assigned people and group into the server.
  await page.goto(jobPage());
  const card = page.getByTestId("job-status-card");
  await card.getByTestId("job-lifecycle").getByTestId("lifecycle-start").click();
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "Active", { timeout: 90_000 });
  const expected = (await upnsOf(await assignedUserIds())).sort();
  expect((await scimUsers()).map((user) => user.userName).sort()).toEqual(expected);
  const groups = (await scim("/Groups")).Resources as { displayName: string; members: { value: string }[] }[];
  expect(groups.map((group) => group.displayName)).toEqual(["Human Resources"]);
  expect(groups[0].members.length).toBeGreaterThan(0);
});

test("a changed department is updated in the next cycle, and an unassigned person is disabled", async () => {
  test.setTimeout(150_000);
  const [changed, ...others] = await assignedUserIds();
  const direct = (await graphGet<{ value: { id: string; principalId: string; principalType: string }[] }>(`/servicePrincipals/${HR_PORTAL}/appRoleAssignedTo`)).value.find(
    (assignment) => assignment.principalType === "User" && assignment.principalId !== changed && others.includes(assignment.principalId),
  )!;
  const [changedUpn, unassignedUpn] = await upnsOf([changed, direct.principalId]);
  expect((await graphWrite("PATCH", `/users/${changed}`, { department: "Provisioning QA" })).status).toBe(204);
  expect((await graphWrite("DELETE", `/servicePrincipals/${HR_PORTAL}/appRoleAssignedTo/${direct.id}`)).status).toBe(204);
  await expect
    .poll(async () => {
      await readJob();
      return [(await scimUser(changedUpn))?.[ENTERPRISE]?.department, (await scimUser(unassignedUpn))?.active];
    }, { timeout: 120_000, intervals: [2_000] })
    .toEqual(["Provisioning QA", false]);
});

test("a wrong token quarantines the started job with the endpoint's error", async ({ page }) => {
  test.setTimeout(90_000);
  await openSignedIn(page, `${jobPage()}/configure`);
  await fill(page, WRONG_TOKEN);
  const form = page.getByTestId("configure-form");
  await form.getByTestId("configure-save").click();
  await expect(form.getByTestId("configure-save-result")).toHaveAttribute("data-outcome", "saved");
  await page.goto(jobPage());
  const card = page.getByTestId("job-status-card");
  const controls = card.getByTestId("job-lifecycle");
  await controls.getByTestId("lifecycle-pause").click();
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "Paused");
  await controls.getByTestId("lifecycle-start").click();
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "Quarantine", { timeout: 45_000 });
  expect((await readJob()).status.quarantine?.error?.code).toBe("SystemForCrossDomainIdentityManagementCredentialValidationFailure");
  await expect(card).toContainText("SystemForCrossDomainIdentityManagementCredentialValidationFailure");
  // The token typed in the console reached the endpoint only: not the server's output, nor the emulator's request log.
  expect(readFileSync(E2E_CONSOLE_LOG_FILE, "utf8")).not.toContain(WRONG_TOKEN);
  expect(JSON.stringify(await requestLog())).not.toContain(WRONG_TOKEN);
});
