/**
 * The initial cycle of a SCIM job into the built-in SCIM server over loopback: people per second and the emulator's
 * RSS (no budget yet, issue 20). The emulator runs as its own process (EMULATOR_SCALE=10000: 1,000 generated people
 * besides the seed's), its clock stopped; the custom SCIM app syncs all users (SyncAll) into a scim-target started
 * here; the cycle runs when the job is read after its end.
 * Usage: npm run bench:scim [-- --scale 10000]
 */
import { createServer } from "node:net";
import { SP } from "../lib/emulator/seed/ids";
import { startScimTarget } from "../lib/scim-target/server";
import { MemorySampler } from "./lib/process-memory";
import { startServedChild } from "./lib/served-child";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function main(): Promise<void> {
  const scale = Math.min(arg("scale", 10_000), 50_000);
  const target = await startScimTarget({ port: 0 });
  const port = await freePort();
  const emulator = await startServedChild("emulator", process.execPath, ["--import", "tsx", "lib/emulator/main.ts"], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_SCALE: String(scale), EMULATOR_CLOCK_SPEED: "0" },
    readyUrl: `http://127.0.0.1:${port}/_emulator/health`,
    timeoutMs: 120_000,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    const post = (path: string, body?: unknown) => fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const { access_token: token } = (await (await post("/_emulator/token", { persona: "admin" })).json()) as { access_token: string };
    const graph = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}/beta${path}`, { method, headers: { Authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    };
    const sync = `/servicePrincipals/${SP.customScim}/synchronization`;
    // One job on the app: the seeded one would provision into the same endpoint.
    for (const seeded of ((await graph("GET", `${sync}/jobs`)) as { value: { id: string }[] }).value) await graph("DELETE", `${sync}/jobs/${encodeURIComponent(seeded.id)}`);
    const job = (await graph("POST", `${sync}/jobs`, { templateId: "scim" })) as { id: string };
    const jobPath = `${sync}/jobs/${encodeURIComponent(job.id)}`;
    await graph("PUT", `${sync}/secrets`, {
      value: [
        { key: "BaseAddress", value: target.url },
        { key: "SecretToken", value: target.token },
        { key: "SyncAll", value: "true" },
      ],
    });
    await graph("POST", `${jobPath}/start`);
    await post("/_emulator/clock", { advance: "PT41M" });
    const before = new MemorySampler(emulator.pid).stop().rssMb; // stop() reads the RSS now
    const sampler = new MemorySampler(emulator.pid);
    sampler.start();
    target.clearRequests();
    const began = performance.now();
    const status = ((await graph("GET", jobPath)) as { status: { code: string; lastExecution: Record<string, number | string> } }).status;
    const seconds = (performance.now() - began) / 1000;
    const after = sampler.stop();
    const count = async (resource: string) => {
      const response = await fetch(`${target.url}/${resource}?count=0`, { headers: { Authorization: `Bearer ${target.token}` } });
      return ((await response.json()) as { totalResults: number }).totalResults;
    };
    const [people, groups] = [await count("Users"), await count("Groups")];
    const execution = status.lastExecution;
    console.log(`SCIM initial cycle (EMULATOR_SCALE=${scale}, SyncAll, built-in SCIM server over loopback)`);
    console.log(`  job ${status.code}, ${execution.state}: exported ${execution.countExported}, escrowed ${execution.countEscrowed}`);
    console.log(`  in the SCIM server: ${people} users, ${groups} groups; ${target.requests().length} SCIM requests`);
    console.log(`  cycle ${seconds.toFixed(2)} s: ${(people / seconds).toFixed(0)} people/s`);
    console.log(`  emulator RSS ${before.toFixed(0)} MB before, ${after.rssMb.toFixed(0)} MB after, peak ${after.peakRssMb.toFixed(0)} MB during the cycle`);
  } finally {
    await emulator.stop();
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
