/**
 * `npx tsx scripts/bench/profile-page.ts [path] [test id]`: where a console page's main-thread time goes, by
 * function. Starts the emulator (4610) and the built console (3610), signs in, then loads `path` (default the Box
 * SP page) three times under a 4× CPU slowdown (Lighthouse's mobile multiplier) with V8's sampling profiler on,
 * until the first `[data-testid=<test id>]` (default a job card) and 1.5 s more, and prints the functions with
 * the most self time (mean per load). Build with `npx next build --no-mangling` first to read function names.
 */
import { startEmulator } from "../../lib/emulator/server";
import { SP } from "../../lib/emulator/seed/ids";
import { embeddedConsoleEnv } from "../lib/embedded";
import { launchChromium, signIn } from "./browser";
import { startNextServer } from "../lib/next-server";

const CONSOLE = "http://127.0.0.1:3610";
const LOADS = 3;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

async function main() {
  const path = process.argv[2] ?? `/service-principals/${SP.box}`;
  const ready = process.argv[3] ?? "job-status-card";
  const emulator = await startEmulator({ port: 4610, consoleOrigin: CONSOLE });
  const server = await startNextServer(".", 3610, embeddedConsoleEnv(emulator.url));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await signIn(page, `${CONSOLE}/service-principals`, emulator.url);
    const selfMs = new Map<string, number>();
    for (let load = 0; load < LOADS; load++) {
      await page.goto(`${CONSOLE}${path}`); // warm: scripts come from the code cache, as in the Lighthouse rows
      await page.getByTestId(ready).first().waitFor();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
      await page.goto(`${CONSOLE}${path}`);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForTimeout(1500);
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
      profile.samples.forEach((id, i) => {
        const frame = nodes.get(id)!;
        const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*\/_next\/static\/chunks\//, "")}`;
        selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
    }
    const busy = [...selfMs.entries()].filter(([key]) => !key.startsWith("(idle)") && !key.startsWith("(program)"));
    const total = busy.reduce((sum, [, value]) => sum + value, 0) / LOADS;
    console.log(`${path}: ${total.toFixed(0)} ms of main-thread self time per load under 4× CPU (mean of ${LOADS}); top functions:`);
    for (const [key, value] of busy.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(value / LOADS).toFixed(1).padStart(8)} ms  ${key}`);
  } finally {
    await browser.close();
    await server.stop();
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
