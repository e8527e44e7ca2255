/**
 * Throughput of the Graph emulator for `GET /beta/servicePrincipals/{id}/synchronization/jobs`, then the latency of
 * a provisioning-logs page (`GET /v1.0/auditLogs/provisioning?$top=100`, unfiltered and filtered by jobId) with
 * 100,000 entries added through the store API (`tenant.provisioningLog.add`, the engine's entry point), and the
 * emulator's RSS (it runs in this process): starts an in-process emulator on 127.0.0.1, runs bounded loads. Last, an
 * emulator at EMULATOR_SCALE=5000 after 24 engine-hours of provisioning: its RSS and a logs page.
 * Usage: npm run bench:emulator [-- --seconds 5 --concurrency 32 --entries 100000] ; npm run bench:emulator -- --row scale
 */
import { Agent, request } from "node:http";
import { sampleProvisioningEvent } from "../lib/emulator/logs/sample";
import { JOB, SP } from "../lib/emulator/seed/ids";
import { evaluate } from "../lib/emulator/engine/evaluate";
import { startEmulator } from "../lib/emulator/server";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const seconds = Math.min(arg("seconds", 5), 60);
  const concurrency = Math.min(arg("concurrency", 32), 256);
  const entries = Math.min(arg("entries", 100_000), 100_000);
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
  const tokenResponse = await fetch(`${emulator.url}/_emulator/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona: "admin" }) });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

  const once = (url: URL) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end();
    });

  /** `parallel` callers for `forSeconds` (after a warm-up): latencies sorted, errors, requests/s. */
  async function load(url: URL, forSeconds: number, parallel: number) {
    for (let i = 0; i < 50; i++) await once(url); // warm-up
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + forSeconds * 1000;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (performance.now() < deadline) {
          try {
            latencies.push(await once(url));
          } catch {
            errors++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
    return { latencies, errors, rate: latencies.length / elapsed, pct };
  }

  const jobs = await load(new URL(`${emulator.url}/beta/servicePrincipals/${SP.cloudSync}/synchronization/jobs`), seconds, concurrency);
  console.log(`GET /beta/servicePrincipals/{id}/synchronization/jobs (${JOB.cloudSyncProvisioning.split(".")[0]} + 1 more job), ${seconds}s, concurrency ${concurrency}`);
  console.log(`requests: ${jobs.latencies.length}  errors: ${jobs.errors}`);
  console.log(`throughput: ${jobs.rate.toFixed(0)} requests/s`);
  console.log(`latency: p50 ${jobs.pct(50).toFixed(2)} ms  p95 ${jobs.pct(95).toFixed(2)} ms  p99 ${jobs.pct(99).toFixed(2)} ms`);

  // Provisioning logs: `entries` events spread over 8 jobs (so a jobId filter matches 1 in 8), newest now.
  const logJobs = [
    [JOB.awsActive, SP.aws, "AWS"],
    [JOB.slackActive, SP.slack, "Slack"],
    [JOB.boxPaused, SP.box, "Box"],
    [JOB.salesforceQuarantined, SP.salesforce, "Salesforce"],
    [JOB.githubEscrows, SP.githubEmu, "GitHub EMU"],
    [JOB.crossTenantActive, SP.crossTenant, "Contoso (cross-tenant)"],
    [JOB.customScimInitial, SP.customScim, "Custom SCIM"],
    [JOB.inboundApi, SP.inboundApi, "API-driven inbound"],
  ] as const;
  const log = emulator.instance.state.tenant.provisioningLog;
  const now = emulator.instance.state.clock.now();
  const rssBefore = process.memoryUsage().rss;
  const filling = performance.now();
  for (let n = 0; n < entries; n++) {
    const [jobId, id, displayName] = logJobs[n % logJobs.length];
    log.add(sampleProvisioningEvent(n, { at: now - (entries - n) * 1000, jobId, servicePrincipal: { id, displayName } }), now);
  }
  const fillSeconds = (performance.now() - filling) / 1000;
  console.log("");
  console.log(`provisioning log: ${log.size} entries (${entries} added through tenant.provisioningLog.add in ${fillSeconds.toFixed(1)} s), ${log.stats().chars} stored characters`);
  const logSeconds = Math.min(seconds, 3);
  for (const [label, path] of [
    ["GET /v1.0/auditLogs/provisioning?$top=100", "/v1.0/auditLogs/provisioning?$top=100"],
    [`GET /v1.0/auditLogs/provisioning?$top=100&$filter=jobId eq '${JOB.slackActive}'`, `/v1.0/auditLogs/provisioning?$top=100&$filter=${encodeURIComponent(`jobId eq '${JOB.slackActive}'`)}`],
    ["GET /v1.0/auditLogs/provisioning?$top=100&$filter=contains(sourceIdentity/displayName,'User 9999') (full scan)", `/v1.0/auditLogs/provisioning?$top=100&$filter=${encodeURIComponent("contains(sourceIdentity/displayName,'User 9999')")}`],
  ] as const) {
    const sequential = await load(new URL(`${emulator.url}${path}`), logSeconds, 1);
    const parallel = await load(new URL(`${emulator.url}${path}`), logSeconds, Math.min(concurrency, 8));
    console.log(label);
    console.log(
      `  one caller: p50 ${sequential.pct(50).toFixed(2)} ms  p95 ${sequential.pct(95).toFixed(2)} ms (${sequential.latencies.length} requests, ${sequential.errors} errors);` +
        `  ${Math.min(concurrency, 8)} callers: ${parallel.rate.toFixed(0)} requests/s, p50 ${parallel.pct(50).toFixed(2)} ms  p95 ${parallel.pct(95).toFixed(2)} ms`,
    );
  }
  const memory = process.memoryUsage();
  console.log(`emulator RSS: ${mb(memory.rss)} (before the log was filled ${mb(rssBefore)}), heap used ${mb(memory.heapUsed)}`);
  agent.destroy();
  await emulator.close();
  await scaledDay();
}

/**
 * The emulator at EMULATOR_SCALE=5000 after 24 engine-hours of real provisioning: every job read once an
 * engine hour (so each hour's latest cycle runs and is logged), then the RSS and a logs page.
 */
async function scaledDay(): Promise<void> {
  const scale = 5000;
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1", scale, clockSpeed: 0 });
  const { tenant, clock } = emulator.instance.state;
  const rssStart = process.memoryUsage().rss;
  const started = performance.now();
  const jobs = tenant.allJobs();
  for (let hour = 0; hour < 24; hour++) {
    clock.advance(3_600_000);
    for (const job of jobs) evaluate(job, clock.now());
  }
  const seconds = (performance.now() - started) / 1000;
  const tokenResponse = await fetch(`${emulator.url}/_emulator/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ persona: "admin" }) });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const timings: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await (await fetch(`${emulator.url}/v1.0/auditLogs/provisioning?$top=100`, { headers: { Authorization: `Bearer ${token}` } })).text();
    timings.push(performance.now() - t0);
  }
  timings.sort((a, b) => a - b);
  console.log("");
  console.log(`EMULATOR_SCALE=${scale}: ${tenant.servicePrincipals.length} SPs, ${jobs.length} jobs, ${tenant.directory.users.length} users; 24 engine-hours of cycles run in ${seconds.toFixed(1)} s`);
  console.log(`provisioning log after 24 engine-hours: ${tenant.provisioningLog.size} entries; logs page ($top=100) p50 ${timings[25].toFixed(2)} ms`);
  console.log(`emulator RSS at scale ${scale} after 24 engine-hours: ${mb(process.memoryUsage().rss)} (budget ≤ 400 MB; started at ${mb(rssStart)})`);
  await emulator.close();
}

// `--row scale`: only the scaled day, in a fresh process, so its RSS is the scaled emulator's alone.
void (process.argv.includes("scale") ? scaledDay() : main());
