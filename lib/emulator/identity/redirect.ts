/** Appends authorize-response parameters to a redirect URI in the requested response mode. */
import type { ResponseMode } from "./state";

export function redirectWith(redirectUri: string, mode: ResponseMode, params: URLSearchParams): string {
  if (mode === "fragment") return `${redirectUri.split("#")[0]}#${params.toString()}`;
  const url = new URL(redirectUri);
  for (const [key, value] of params) url.searchParams.append(key, value);
  return url.toString();
}
