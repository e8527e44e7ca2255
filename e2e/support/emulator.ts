import { E2E_EMULATOR_PORT } from "../../playwright.config";

/** The emulator the e2e web server started; tests drive its `/_emulator` controls. */
export const EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;

export async function emulatorControl<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${EMULATOR_URL}/_emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${path} answered ${response.status}: ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
