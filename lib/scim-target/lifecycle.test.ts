import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startScimTarget } from "./server";

/** close() leaves nothing running: a process that closed its target exits by itself. */
function run(script: string, env: Record<string, string> = {}, stopAfterOutput = false): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL(script, import.meta.url))], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stopAfterOutput && stdout.split("\n").length > 2) child.kill("SIGTERM");
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe("lifecycle", () => {
  it("close() ends every connection and timer: the process exits on its own", async () => {
    const { code, stdout, stderr } = await run("./lifecycle.fixture.ts");
    expect(stderr).toBe("");
    expect(stdout.trim()).toBe("closed 200,200");
    expect(code).toBe(0);
  });

  it("close() can be called twice and refuses new connections", async () => {
    const target = await startScimTarget();
    await target.close();
    await target.close();
    await expect(fetch(`${target.url}/Users`)).rejects.toThrow();
  });

  it("npm run scim-target prints the endpoint and the demo token, then stops on SIGTERM", async () => {
    const { code, stdout } = await run("./main.ts", { SCIM_TARGET_PORT: "0" }, true);
    expect(stdout.trim().split("\n")[1]).toBe("Secret token: scim-target-demo-token");
    expect(code).toBe(0);
  });

  it("npm run scim-target never prints a token of the user's own", async () => {
    const { code, stdout } = await run("./main.ts", { SCIM_TARGET_PORT: "0", SCIM_TARGET_TOKEN: "main-test-token" }, true);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^SCIM endpoint: http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    expect(lines[1]).toBe("Secret token: the value of SCIM_TARGET_TOKEN");
    expect(stdout).not.toContain("main-test-token");
    expect(code).toBe(0);
  });

  it("npm run scim-target refuses a non-loopback host", async () => {
    const { code, stdout, stderr } = await run("./main.ts", { SCIM_TARGET_HOST: "0.0.0.0", SCIM_TARGET_ALLOW_REMOTE: "" });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("not a loopback address");
  });
});
