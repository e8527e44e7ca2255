import { EMULATOR_URL, emulatorControl } from "./emulator";

/** Direct Graph reads against the e2e emulator, to learn what the UI should show. */
export async function graphGet<T>(path: string, persona = "admin"): Promise<T> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona });
  const response = await fetch(`${EMULATOR_URL}/beta${path}`, { headers: { Authorization: `Bearer ${access_token}` } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** When the emulator answered (ISO 8601). */
  time: string;
}

export async function requestLog(): Promise<LoggedRequest[]> {
  return (await emulatorControl<{ value: LoggedRequest[] }>("GET", "requests")).value;
}

/** A Graph write as the admin, straight to the emulator (test setup and cleanup). */
export async function graphWrite(method: string, path: string, body?: unknown): Promise<Response> {
  const { access_token } = await emulatorControl<{ access_token: string }>("POST", "token", { persona: "admin" });
  return fetch(`${EMULATOR_URL}/beta${path}`, {
    method,
    headers: { Authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
