import { expect, test } from "@playwright/test";
import { startReplicaStack, type ReplicaStack } from "../scripts/lib/replica-stack";
import type { ProxiedRequest, RoundRobinProxy } from "../scripts/lib/round-robin-proxy";
import { serverActionId } from "../scripts/lib/server-action";
import { openSignedIn } from "./support/sign-in";

/**
 * Issue 21: the console is stateless (tokens in the browser, Graph is the store), so two `next start` replicas of one
 * build behind a round-robin load balancer serve one admin. This spec starts its own emulator (4120), two replicas
 * (3121, 3122) from the build the web server made, and the proxy (3120) in front of them; it shares nothing with
 * the other specs. A = replica 0, B = replica 1. Each action goes to the replica that did not render its page.
 */
const EMULATOR_PORT = 4120;
const REPLICA_PORTS = [3121, 3122];
const PROXY_PORT = 3120;
const A = 0;
const B = 1;
const ZOOM = "3c6f3d5e-0b1a-4d2e-9f10-2b7a1c4e5d08";

type Job = { id: string; schedule?: { state?: string }; status?: { code?: string } };

let stack: ReplicaStack;
let proxy: RoundRobinProxy;

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${stack.emulator.url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} /_emulator/${path}`).toBe(true);
  return (await response.json()) as T;
}

async function graphGet<T>(path: string): Promise<T> {
  const { access_token } = await control<{ access_token: string }>("POST", "token", { persona: "admin" });
  const response = await fetch(`${stack.emulator.url}/beta${path}`, { headers: { Authorization: `Bearer ${access_token}` } });
  expect(response.status, `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

const jobIds = async () => (await graphGet<{ value: Job[] }>(`/servicePrincipals/${ZOOM}/synchronization/jobs`)).value.map((job) => job.id);
const isAsset = (entry: ProxiedRequest) => entry.path.startsWith("/_next/static/") || entry.path.startsWith("/icon.svg");
const isPage = (entry: ProxiedRequest) => entry.method === "GET" && !isAsset(entry);
const servedBy = (entries: ProxiedRequest[]) => [...new Set(entries.map((entry) => entry.replica))].sort();

/** The requests since the last call, and a fresh log for the next step. */
function takeLog(): ProxiedRequest[] {
  const entries = proxy.log();
  proxy.clearLog();
  return entries;
}

test.beforeAll(async () => {
  stack = await startReplicaStack({ emulatorPort: EMULATOR_PORT, replicaPorts: REPLICA_PORTS, proxyPort: PROXY_PORT, scale: 0 });
  proxy = stack.proxy!;
  // The engine holds still: a started job stays exactly as Start left it.
  await control("POST", "clock", { speed: 0 });
});

test.afterAll(async () => {
  await stack?.stop();
});

test("two replicas behind a round-robin proxy serve one admin: sign-in, browse, create on A, start on B", async ({ page }) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  // Unpinned: sign in with MSAL against the emulator's identity provider and browse the list, both replicas serving.
  await openSignedIn(page, `${proxy.url}/service-principals`, "admin", stack.emulator.url);
  await expect(page.getByTestId("sp-count")).toHaveText("Showing 20 of 20 service principals");
  // Documents and RSC requests are "pages"; if the sign-in's happened to land on one replica, the next reload goes to the other.
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(page.getByRole("link", { name: "Zoom", exact: true })).toBeVisible();
        return servedBy(proxy.log().filter(isPage));
      },
      { intervals: [0], timeout: 20_000 },
    )
    .toEqual([A, B]);
  const browsing = takeLog();
  expect(servedBy(browsing.filter(isPage)), "page requests").toEqual([A, B]);
  expect(servedBy(browsing.filter(isAsset)), "asset requests").toEqual([A, B]);

  // B renders the service principal's page, A runs its create action.
  proxy.pin(B);
  await page.getByRole("link", { name: "Zoom", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zoom" })).toBeVisible();
  const form = page.getByTestId("create-job");
  await expect(form.getByRole("radio", { name: /zoom/ })).toBeChecked();
  expect(servedBy(takeLog())).toEqual([B]);

  const before = await jobIds();
  proxy.pin(A);
  await form.getByTestId("create-job-submit").click();
  const created = page.getByTestId("created-job");
  await expect(created).toBeVisible();
  const createActions = takeLog().filter((entry) => entry.isServerAction);
  expect(createActions).toEqual([{ method: "POST", path: `/service-principals/${ZOOM}`, isServerAction: true, replica: A, status: 200 }]);
  const added = (await jobIds()).filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  const jobId = added[0];
  await expect(created).toHaveAttribute("data-job-id", jobId);

  // A renders the job's page, B runs its start action.
  await created.getByTestId("created-job-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(jobId);
  const card = page.getByTestId("job-status-card");
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "NotConfigured");
  expect(servedBy(takeLog())).toEqual([A]);

  proxy.pin(B);
  await card.getByTestId("job-lifecycle").getByTestId("lifecycle-start").click();
  await expect(page.getByTestId("lifecycle-announcer")).toHaveText(`Job ${jobId} started. Its status refreshes as the cycle runs.`);
  await expect(card.locator('[data-kind="status"]')).toHaveAttribute("data-status", "NotRun");
  await expect(card.locator('[data-kind="schedule"]')).toHaveAttribute("data-status", "Active");
  const startActions = takeLog().filter((entry) => entry.isServerAction);
  expect(startActions).toEqual([{ method: "POST", path: `/service-principals/${ZOOM}/jobs/${jobId}`, isServerAction: true, replica: B, status: 200 }]);
  proxy.pin(null);

  const job = await graphGet<Job>(`/servicePrincipals/${ZOOM}/synchronization/jobs/${jobId}`);
  expect({ schedule: job.schedule?.state, status: job.status?.code }).toEqual({ schedule: "Active", status: "NotRun" });
  expect(pageErrors).toEqual([]);
});

test("a replica refuses a server action whose Origin names another host than X-Forwarded-Host or Host: why the proxy passes Host through", async () => {
  const actionId = serverActionId("lib/actions/create-job.ts", "createJob");
  const graphPosts = async () =>
    (await control<{ value: { method: string; path: string; status: number }[] }>("GET", "requests")).value.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/servicePrincipals/${ZOOM}/synchronization/jobs`),
    );
  const post = async (headers: Record<string, string>) => {
    const response = await fetch(`${stack.replicas[A].url}/service-principals/${ZOOM}`, {
      method: "POST",
      headers: { "Next-Action": actionId, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: proxy.url, ...headers },
      // Not a token (Graph answers 401): what matters is whether the action runs at all.
      body: JSON.stringify(["not-a-token", { servicePrincipalId: ZOOM, templateId: "zoom" }]),
    });
    return { status: response.status, text: await response.text() };
  };
  const before = (await graphPosts()).length;

  // As from a balancer that rewrote Host to the replica's address and sent no X-Forwarded-Host: refused, Graph never called.
  const rewritten = await post({});
  expect(rewritten.status).toBe(500);
  expect(rewritten.text).not.toContain('"ok"');
  expect((await graphPosts()).length).toBe(before);

  // With X-Forwarded-Host naming the proxy, the action runs: it calls Graph, which refuses the token.
  const forwarded = await post({ "X-Forwarded-Host": new URL(proxy.url).host });
  expect(forwarded.status).toBe(200);
  expect(forwarded.text).toContain('"ok":false,"error":{"kind":"unauthenticated"');
  expect((await graphPosts()).map((r) => r.status).slice(before)).toEqual([401]);
});
