import { spawn, type ChildProcess } from "node:child_process";

/** A child process that serves HTTP on loopback: started, awaited until it answers, stopped. */
export interface ServedChild {
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  /** The last lines it printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServedChildOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Polled until it answers below 500. */
  readyUrl: string;
  timeoutMs?: number;
  /** Also print its output, each line prefixed with `[name]`. */
  echo?: boolean;
}

const TAIL_LINES = 40;
const STOP_GRACE_MS = 5_000;

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startServedChild(name: string, command: string, args: string[], options: ServedChildOptions): Promise<ServedChild> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (text: string) => {
      for (const line of text.split("\n").filter(Boolean)) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
        if (options.echo) process.stdout.write(`[${name}] ${line}\n`);
      }
    });
  }
  // This process may end without calling stop (a crash, process.exit): the child must not outlive it.
  const killOnExit = () => child.kill("SIGTERM");
  process.on("exit", killOnExit);
  const output = () => tail.join("\n");

  const stop = async () => {
    process.off("exit", killOnExit);
    if (exited(child)) return;
    child.kill("SIGTERM");
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill("SIGKILL");
      await waitForExit(child, STOP_GRACE_MS);
    }
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (true) {
    if (exited(child)) {
      process.off("exit", killOnExit);
      throw new Error(`${name} exited (code ${child.exitCode ?? child.signalCode}) before answering ${options.readyUrl}:\n${output()}`);
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer ${options.readyUrl} within ${options.timeoutMs ?? 60_000} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name, url: new URL(options.readyUrl).origin, pid: child.pid!, child, output, stop };
}
