import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** Runs a command with inherited stdio and resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Stops the children when this process is told to stop, and this process when a child dies. */
export function superviseChildren(children: ChildProcess[]): void {
  const stopAll = (code: number) => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = code;
  };
  process.on("SIGINT", () => stopAll(130));
  process.on("SIGTERM", () => stopAll(143));
  for (const child of children) {
    child.on("exit", (code) => stopAll(code ?? 1));
  }
}
