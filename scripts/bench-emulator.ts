/**
 * Throughput of the Graph emulator for `GET /beta/servicePrincipals/{id}/synchronization/jobs`:
 * starts an in-process emulator on 127.0.0.1, runs a bounded load, prints requests/s and latency.
 * Usage: npm run bench:emulator [-- --seconds 5 --concurrency 32]
 */
import { Agent, request } from "node:http";
import { JOB, SP } from "../lib/emulator/seed/ids";
import { startEmulator } from "../lib/emulator/server";

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const seconds = Math.min(arg("seconds", 5), 60);
  const concurrency = Math.min(arg("concurrency", 32), 256);
  const emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
  const tokenResponse = await fetch(`${emulator.url}/_emulator/token`, { method: "POST", body: JSON.stringify({ persona: "admin" }) });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(`${emulator.url}/beta/servicePrincipals/${SP.cloudSync}/synchronization/jobs`);

  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on("error", reject);
      req.end();
    });

  for (let i = 0; i < 200; i++) await once(); // warm-up
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        try {
          latencies.push(await once());
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  console.log(`GET /beta/servicePrincipals/{id}/synchronization/jobs (${JOB.cloudSyncProvisioning.split(".")[0]} + 1 more job), ${seconds}s, concurrency ${concurrency}`);
  console.log(`requests: ${latencies.length}  errors: ${errors}`);
  console.log(`throughput: ${(latencies.length / elapsed).toFixed(0)} requests/s`);
  console.log(`latency: p50 ${pct(50).toFixed(2)} ms  p95 ${pct(95).toFixed(2)} ms  p99 ${pct(99).toFixed(2)} ms`);
  agent.destroy();
  await emulator.close();
}

void main();
