import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { emulatorControl } from "./support/emulator";
import { graphGet, graphWrite } from "./support/graph";
import { openSignedIn } from "./support/sign-in";

/**
 * People: a person's provisioning in every app, against the seeded emulator. Irvin Sayers is a direct member of
 * two assigned groups; Megan Bowen reaches Slack only through Slack Users ⊃ Marketing; Tomás Ortega's AWS account can't be created (MandatoryFieldsMissing); Nestor
 * Wilke is assigned to nothing (no spec provisions him). Allan Deyoung is assigned to Box here (its job is paused,
 * so only Provision now reaches its target app).
 */
const SLACK = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d03";
const SLACK_JOB = "Slack.2b1f0c9d8e7a4b6c9d0e1f2a3b4c5d03";
const AWS = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d04";
const AWS_JOB = "aws.5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b04";
const BOX = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d01";
const BOX_JOB = "BoxOutDelta.7928d5b574424a97b2d66f9a9972ec01";
const DEFAULT_ACCESS = "00000000-0000-0000-0000-000000000000";

interface User {
  id: string;
  displayName: string;
}
const userNamed = async (name: string) => (await graphGet<{ value: User[] }>(`/users?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`)).value[0];
/** A person's row for one job (other specs create more jobs on the same apps). */
const rowOf = (page: Page, sp: string, job: string) => page.getByTestId("person-row").and(page.locator(`[data-sp="${sp}"][data-job="${job}"]`));
const targetAccount = async (sp: string, job: string, userId: string) =>
  (await emulatorControl<{ value: { id: string; sourceId: string }[] }>("GET", `target/${sp}/${encodeURIComponent(job)}`)).value.find((account) => account.sourceId === userId);

test("a direct member of an assigned group is in scope through it, with their account in each app; a nested member is told why not", async ({ page }) => {
  // Irvin Sayers is a direct member of Slack Users (assigned to Slack) and of AWS Administrators (assigned to AWS).
  const irvin = await userNamed("Irvin Sayers");
  await openSignedIn(page, "/people");
  await page.getByTestId("people-search").fill("Irvin");
  await page.getByTestId("people-result").and(page.locator(`[data-id="${irvin.id}"]`)).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/people/${irvin.id}$`));
  for (const [sp, job, group] of [[SLACK, SLACK_JOB, "Slack Users"], [AWS, AWS_JOB, "AWS Administrators"]]) {
    const row = rowOf(page, sp, job);
    await expect(row).toHaveAttribute("data-assignment", "group");
    await expect(row).toHaveAttribute("data-in-scope", "true");
    await expect(row.getByTestId("person-assignment")).toContainText(group);
    const account = await targetAccount(sp, job, irvin.id);
    expect(account, `${group}: an account in the app`).toBeTruthy();
    await expect(row.getByTestId("person-target-id")).toContainText(account!.id);
  }
  await expect(page.getByTestId("person-requests")).toHaveAttribute("data-round-trips", /^[12]$/);
  await expectNoAxeViolations(page);

  // Megan Bowen reaches Slack only through Marketing ⊂ Slack Users: Entra provisions direct members only.
  const megan = await userNamed("Megan Bowen");
  await page.goto(`/people/${megan.id}`);
  const slack = rowOf(page, SLACK, SLACK_JOB);
  await expect(slack).toHaveAttribute("data-assignment", "group");
  await expect(slack).toHaveAttribute("data-in-scope", "false");
  await expect(slack.getByTestId("person-assignment")).toContainText("nested");
  expect(await targetAccount(SLACK, SLACK_JOB, megan.id)).toBeUndefined();
});

test("a failing person shows the failure and what to do about it", async ({ page }) => {
  const tomas = await userNamed("Tomás Ortega");
  await openSignedIn(page, `/people/${tomas.id}`);
  const aws = rowOf(page, AWS, AWS_JOB);
  await expect(aws).toHaveAttribute("data-status", "failure");
  const error = aws.getByTestId("person-event-error");
  await expect(error).toContainText("MandatoryFieldsMissing");
  await expect(error).toContainText(/recommended action/i);
});

test("a person assigned to nothing is told so plainly", async ({ page }) => {
  const nestor = await userNamed("Nestor Wilke");
  await openSignedIn(page, `/people/${nestor.id}`);
  await expect(page.getByTestId("person-nothing")).toBeVisible();
  await expect(page.getByTestId("person-row")).toHaveCount(0);
});

test("Provision now provisions the person into that app and updates the row", async ({ page }) => {
  const allan = await userNamed("Allan Deyoung");
  const assigned = await graphWrite("POST", `/servicePrincipals/${BOX}/appRoleAssignedTo`, { principalId: allan.id, resourceId: BOX, appRoleId: DEFAULT_ACCESS });
  expect([201, 400]).toContain(assigned.status);
  expect(await targetAccount(BOX, BOX_JOB, allan.id)).toBeUndefined();
  await openSignedIn(page, `/people/${allan.id}`);
  const box = rowOf(page, BOX, BOX_JOB);
  await expect(box).toHaveAttribute("data-assignment", "direct");
  await expect(box).toHaveAttribute("data-status", "none");
  await box.getByTestId("person-provision").click();
  await expect(box).toHaveAttribute("data-status", "success");
  await expect(box).toHaveAttribute("data-action", "create");
  const account = await targetAccount(BOX, BOX_JOB, allan.id);
  expect(account).toBeTruthy();
  await expect(box.getByTestId("person-target-id")).toContainText(account!.id);
});
