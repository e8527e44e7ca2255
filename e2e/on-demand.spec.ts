import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { recordSoftNavigations } from "./support/navigations";
import { emulatorControl } from "./support/emulator";
import { graphGet, graphWrite } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * Provision on demand and the mappings, against the emulator. Box's job is paused, so nothing but on demand
 * reaches its target app: the spec assigns a person and a group to Box and provisions them. The rate limit is
 * shown on the cross-tenant job (5 requests per 10 seconds per job), whose schema also has the seed's scoping filter.
 */
const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const BOX_JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
const CROSS_TENANT = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d09";
const CROSS_TENANT_JOB = "Azure2Azure.1c2d3e4f5a6b47c8d9e0f1a2b3c4d509";
const DEFAULT_ACCESS = "00000000-0000-0000-0000-000000000000";

test.describe.configure({ mode: "serial" });

interface User {
  id: string;
  displayName: string;
}
const userNamed = async (name: string) => (await graphGet<{ value: User[] }>(`/users?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`)).value[0];
const groupNamed = async (name: string) => (await graphGet<{ value: User[] }>(`/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`)).value[0];
const targetAccounts = async (sp: string, job: string) =>
  (await emulatorControl<{ value: { sourceId: string }[] }>("GET", `target/${sp}/${encodeURIComponent(job)}`)).value.map((account) => account.sourceId);
const provisionPage = (sp: string, job: string, search = "") => `/service-principals/${sp}/jobs/${encodeURIComponent(job)}/provision${search}`;

async function assignToBox(principalId: string) {
  const response = await graphWrite("POST", `/servicePrincipals/${BOX}/appRoleAssignedTo`, { principalId, resourceId: BOX, appRoleId: DEFAULT_ACCESS });
  expect([201, 400]).toContain(response.status); // 400: already assigned (a retried run)
}

async function search(page: Page, text: string, name: string) {
  await page.getByTestId("on-demand-search").fill(text);
  const result = page.getByTestId("on-demand-search-result").filter({ hasText: name });
  await result.getByRole("button", { name: /Choose/ }).click();
  await expect(page.getByTestId("on-demand-chosen")).toContainText(name);
}

let johanna: User;
/** Not assigned to Box nor to the cross-tenant app (she reaches only Slack); Nestor Wilke stays untouched for the People spec. */
let megan: User;

test.beforeAll(async () => {
  johanna = await userNamed("Johanna Lorenz");
  megan = await userNamed("Megan Bowen");
  await assignToBox(johanna.id);
});

test("an assigned user is created in the target app; the screen shows each step, the scope and what was set", async ({ page }) => {
  expect(await targetAccounts(BOX, BOX_JOB)).not.toContain(johanna.id);
  await openSignedIn(page, `/service-principals/${BOX}/jobs/${encodeURIComponent(BOX_JOB)}`);
  await page.getByTestId("job-provision-link").click();
  await search(page, "Johanna", "Johanna Lorenz");
  await expect(page).toHaveURL(new RegExp(`[?&]user=${johanna.id}`));
  await page.getByTestId("on-demand-run").click();
  const result = page.getByTestId("on-demand-result");
  await expect(result).toHaveAttribute("data-result", "success");
  const detail = page.getByTestId("on-demand-detail");
  await expect(detail.getByTestId("on-demand-step")).toHaveCount(4);
  expect(await detail.getByTestId("on-demand-step").evaluateAll((steps) => steps.map((step) => step.getAttribute("data-step-type")))).toEqual(["import", "scoping", "matching", "export"]);
  await expect(page.getByTestId("on-demand-scope")).toHaveAttribute("data-in-scope", "true");
  await expect(page.getByTestId("logs-modified-properties")).toContainText("Johanna Lorenz");
  expect(await targetAccounts(BOX, BOX_JOB)).toContain(johanna.id);
  await expectNoAxeViolations(page);
});

test("an unassigned user is skipped, and the screen says it is because they are not assigned", async ({ page }) => {
  await openSignedIn(page, provisionPage(BOX, BOX_JOB, `?user=${megan.id}`));
  await expect(page.getByTestId("on-demand-chosen")).toContainText("Megan Bowen");
  await page.getByTestId("on-demand-run").click();
  await expect(page.getByTestId("on-demand-result")).toHaveAttribute("data-result", "skipped");
  const scope = page.getByTestId("on-demand-scope");
  await expect(scope).toHaveAttribute("data-in-scope", "false");
  await expect(scope.getByTestId("on-demand-scope-fact").filter({ hasText: "Assigned to the application" })).toHaveAttribute("data-holds", "false");
  expect(await targetAccounts(BOX, BOX_JOB)).not.toContain(megan.id);
});

test("a group and 3 of its members are provisioned; each one's outcome is read from the logs", async ({ page }) => {
  const group = await groupNamed("Customer Support");
  await assignToBox(group.id);
  const chosen = await Promise.all(["Sofia Costa", "Uma Iyer", "Victor Lindqvist"].map(userNamed));
  await openSignedIn(page, provisionPage(BOX, BOX_JOB));
  await page.getByTestId("on-demand-kind-group").check();
  await search(page, "Customer", "Customer Support");
  for (const member of chosen) await page.getByTestId("on-demand-member").and(page.locator(`[data-id="${member.id}"]`)).getByRole("checkbox").check();
  await expect(page.getByTestId("on-demand-member-count")).toHaveText("3");
  await page.getByTestId("on-demand-run").click();
  await expect(page.getByTestId("on-demand-result")).toHaveAttribute("data-result", "success");
  const rows = page.getByTestId("on-demand-member-result");
  await expect(rows).toHaveCount(4);
  for (const id of [group.id, ...chosen.map((member) => member.id)]) await expect(rows.and(page.locator(`[data-id="${id}"]`))).toHaveAttribute("data-action", "create");
  const accounts = await targetAccounts(BOX, BOX_JOB);
  for (const id of [group.id, ...chosen.map((member) => member.id)]) expect(accounts).toContain(id);
  await expectNoAxeViolations(page);
});

test("a sixth run within 10 seconds shows Graph's wait counting down, then provisioning works again", async ({ page }) => {
  await openSignedIn(page, provisionPage(CROSS_TENANT, CROSS_TENANT_JOB, `?user=${megan.id}`));
  const run = page.getByTestId("on-demand-run");
  for (let i = 0; i < 5; i++) {
    await run.click();
    await expect(page.getByTestId("on-demand-result")).toHaveAttribute("data-result", "skipped");
  }
  await run.click();
  await expect(page.getByTestId("on-demand-error")).toHaveAttribute("data-error-kind", "throttled");
  await expect(page.getByTestId("on-demand-wait")).toContainText(/You can try again in \d+ seconds?/);
  await expect(run).toBeDisabled();
  await expect(run).toBeEnabled({ timeout: 12_000 });
  await expect(page.getByTestId("on-demand-wait")).toHaveCount(0);
  await run.click();
  await expect(page.getByTestId("on-demand-result")).toHaveAttribute("data-result", "skipped");
});

test("the mappings list the job's attribute mappings and its scoping filter as a sentence; search narrows them", async ({ page }) => {
  type Attribute = { targetAttributeName: string; defaultValue: string | null; source: { name?: string; expression?: string } };
  const schema = await graphGet<{ synchronizationRules: { objectMappings: { name: string; attributeMappings: Attribute[] }[] }[] }>(
    `/servicePrincipals/${CROSS_TENANT}/synchronization/jobs/${encodeURIComponent(CROSS_TENANT_JOB)}/schema`,
  );
  const [users] = schema.synchronizationRules[0].objectMappings;
  await openSignedIn(page, `/service-principals/${CROSS_TENANT}/jobs/${encodeURIComponent(CROSS_TENANT_JOB)}`);
  await page.getByTestId("job-mappings-link").click();
  const mapping = page.getByTestId("object-mapping").and(page.locator(`[data-mapping-name="${users.name}"]`));
  await expect(mapping.getByTestId("attribute-mapping-row")).toHaveCount(users.attributeMappings.length);
  const targets = await mapping.getByTestId("attribute-mapping-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-target")));
  expect(targets).toEqual(users.attributeMappings.map((attribute) => attribute.targetAttributeName));
  await expect(mapping.getByTestId("scoping-sentence")).toHaveText(/userType EQUALS Member and accountEnabled IS TRUE/);
  // The search filters in the browser: no soft navigation, so no RSC payload from the console's server per search.
  const navigations = recordSoftNavigations(page);
  await page.getByTestId("mappings-search").fill("mail");
  await expect(page).toHaveURL(/[?&]q=mail/);
  const matching = users.attributeMappings.filter((a) => [a.targetAttributeName, a.defaultValue, a.source.name, a.source.expression].some((text) => /mail/i.test(text ?? "")));
  expect(matching.length).toBeGreaterThan(0);
  expect(matching.length).toBeLessThan(users.attributeMappings.length);
  await expect(mapping.getByTestId("attribute-mapping-row")).toHaveCount(matching.length);
  expect(navigations).toEqual([]);
  await expectNoAxeViolations(page);
});

test("a read-only admin sees why provisioning is off, and the button is disabled", async ({ page }) => {
  await openSignedIn(page, provisionPage(BOX, BOX_JOB, `?user=${megan.id}`), "reader");
  await expect(page.getByTestId("on-demand-read-only")).toContainText("Synchronization.ReadWrite.All");
  await expect(page.getByTestId("on-demand-chosen")).toContainText("Megan Bowen");
  await expect(page.getByTestId("on-demand-run")).toBeDisabled();
});
