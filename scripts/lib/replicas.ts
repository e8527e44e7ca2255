import path from "node:path";
import { embeddedConsoleEnv } from "./embedded";
import { startNextServer } from "./next-server";
import { startServedChild, type ServedChild } from "./served-child";

/**
 * Several console replicas from the one `.next` build (`next start -H 127.0.0.1 -p PORT` each), configured the
 * way `npm start` configures its console in embedded mode, all pointed at one emulator; and that emulator as a
 * process of its own (`lib/emulator/main.ts`), which lets a browser call it from `consoleOrigin` (the proxy in
 * front of the replicas: the origin the browser sees). Run from the repository root.
 */
const MEMORY_REPORT = path.resolve("scripts", "lib", "memory-report.mjs");

export interface ReplicaOptions {
  /** Extra environment for every replica. */
  env?: NodeJS.ProcessEnv;
  /** Each replica writes its V8 heap numbers here every few seconds (scripts/lib/memory-report.mjs). */
  memoryReportDir?: string;
  echo?: boolean;
}

export interface Replicas {
  replicas: ServedChild[];
  stop(): Promise<void>;
}

/** Starts one replica per port (in parallel); if any fails to answer, stops the others and throws. */
export async function startReplicas(ports: number[], emulatorUrl: string, options: ReplicaOptions = {}): Promise<Replicas> {
  const nodeOptions = [process.env.NODE_OPTIONS, options.memoryReportDir ? `--import ${JSON.stringify(MEMORY_REPORT)}` : undefined].filter(Boolean).join(" ");
  const env: Record<string, string | undefined> = {
    ...embeddedConsoleEnv(emulatorUrl),
    ...options.env,
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    ...(options.memoryReportDir ? { MEMORY_REPORT_DIR: options.memoryReportDir } : {}),
  };
  const started = await Promise.allSettled(
    ports.map((port, index) =>
      startNextServer(".", port, env, { name: `replica ${index}`, echo: options.echo }),
    ),
  );
  const replicas = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stop = async () => void (await Promise.all(replicas.map((replica) => replica.stop())));
  const failure = started.find((result) => result.status === "rejected");
  if (failure) {
    await stop();
    throw failure.reason;
  }
  return { replicas, stop };
}

export interface EmulatorProcessOptions {
  port: number;
  /** The origin(s) whose pages may call it: the proxy's, or the console's. */
  consoleOrigin: string | string[];
  /** Extra generated service principals; unset: EMULATOR_SCALE from this environment, else 0. */
  scale?: number;
  echo?: boolean;
}

export function startEmulatorProcess(options: EmulatorProcessOptions): Promise<ServedChild> {
  const origins = typeof options.consoleOrigin === "string" ? [options.consoleOrigin] : options.consoleOrigin;
  return startServedChild("emulator", process.execPath, ["--import", "tsx", path.join("lib", "emulator", "main.ts")], {
    env: {
      ...process.env,
      EMULATOR_HOST: "127.0.0.1",
      EMULATOR_PORT: String(options.port),
      EMULATOR_CONSOLE_ORIGIN: origins.join(","),
      ...(options.scale === undefined ? {} : { EMULATOR_SCALE: String(options.scale) }),
    },
    readyUrl: `http://127.0.0.1:${options.port}/_emulator/health`,
    echo: options.echo,
  });
}
