import { startEmulator, type RunningEmulator, type StartOptions } from "@/lib/emulator/server";
import type { PersonaId } from "@/lib/emulator/auth/personas";
import type { LoggedRequest } from "@/lib/emulator/controls/requestLog";

/** Helpers for tests: an in-process emulator on a free port, tokens, and plain fetch calls. */
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestEmulator extends RunningEmulator {
  token(persona?: PersonaId, extra?: { lifetimeSeconds?: number; scopes?: string[] }): Promise<string>;
  /** A Graph call; `path` starts with the version, e.g. `/beta/servicePrincipals`. */
  call<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<CallResult<T>>;
  control<T = any>(method: string, name: string, body?: unknown): Promise<CallResult<T>>;
  /** The Graph requests the emulator answered since the last reset (or `clearRequests`), oldest first. */
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
}

async function toResult(response: Response): Promise<CallResult> {
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function startTestEmulator(options: StartOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, clockSpeed: 0, ...options });
  const tokens = new Map<string, string>();
  const control = async (method: string, name: string, body?: unknown) =>
    toResult(
      await fetch(`${emulator.url}/_emulator/${name}`, {
        method,
        // Control POSTs need application/json even without a body (lib/emulator/controls/router.ts).
        headers: body === undefined && method !== "POST" ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const token = async (persona: PersonaId = "admin", extra: { lifetimeSeconds?: number; scopes?: string[] } = {}) => {
    const key = `${persona}:${JSON.stringify(extra)}`;
    if (!tokens.has(key)) {
      const result = await control("POST", "token", { persona, ...extra });
      if (result.status !== 200) throw new Error(`token: ${result.status} ${result.text}`);
      tokens.set(key, result.body.access_token);
    }
    return tokens.get(key)!;
  };
  const call = async (method: string, path: string, options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {}) => {
    const bearer = options.token === undefined ? await token("admin") : options.token;
    const headers: Record<string, string> = { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["Content-Type"] = "application/json";
    }
    return toResult(await fetch(`${emulator.url}${path}`, { method, headers: { ...headers, ...options.headers }, body }));
  };
  const requests = async () => (await control("GET", "requests")).body.value as LoggedRequest[];
  const clearRequests = async () => {
    await control("DELETE", "requests");
  };
  return { ...emulator, token, call, control, requests, clearRequests };
}
