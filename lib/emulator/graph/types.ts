import type { EngineClock } from "../engine/clock";
import type { Tenant } from "../store/tenant";
import type { RateLimiter } from "./rateLimit";

export type GraphVersion = "v1.0" | "beta";

/** One Graph call (an HTTP request or a `$batch` sub-request), already authenticated and parsed. */
export interface GraphRequest {
  method: string;
  version: GraphVersion;
  /** Decoded path segments after the version, without a trailing empty segment. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody: Buffer;
  contentType: string | undefined;
  scopes: ReadonlySet<string>;
  /** Who called, from the token (oid, name, upn, appid) and the socket: audit events record it. */
  caller?: CallerIdentity;
  /** The emulator origin, for `@odata.context` and `@odata.nextLink`. */
  origin: string;
}

export interface CallerIdentity {
  oid: string;
  name: string;
  upn: string;
  appId: string;
  ipAddress: string;
}

export interface GraphResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Settings {
  accessTokenLifetimeSeconds: number;
  /** Status of a successful create-job POST: 201 per the docs' text (default), 200 as in the docs' example. */
  createJobStatus: 200 | 201;
}

/** Everything one emulator instance owns. Nothing here is shared between instances. */
export interface EmulatorState {
  tenant: Tenant;
  clock: EngineClock;
  settings: Settings;
  rateLimits: RateLimiter;
}

export const ok = (body: unknown, headers?: Record<string, string>): GraphResult => ({ status: 200, body, headers });
export const noContent = (): GraphResult => ({ status: 204 });
