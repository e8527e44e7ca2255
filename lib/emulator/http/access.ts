import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6 } from "node:net";
import { networkInterfaces, hostname } from "node:os";

/**
 * Who may talk to the emulator (issue 21): its controls mint admin tokens and have no authentication, so a
 * web page the developer visits must not reach them.
 *
 * - `Host` must name this server: 127.0.0.1, localhost or [::1] with its port (DNS rebinding sends the
 *   attacker's name). With remote access allowed, the bind address too (for 0.0.0.0 / ::, this machine's
 *   interface addresses and host name).
 * - `Origin`, when present, must be the server's own origin (any of those hosts; the account picker's form
 *   posts from there) or a configured console origin. Scripts and Node send no Origin and are not affected;
 *   a page on another port of the same machine is another origin and is refused, as is `Origin: null`.
 *
 * Both run before any route (Graph, identity provider, controls): a refused request changes nothing.
 */
export interface AccessOptions {
  /** The port the server listens on (after `listen`, so port 0 is resolved). */
  port: number;
  /** The bind address. */
  bindHost: string;
  /** Non-loopback bind allowed (EMULATOR_ALLOW_REMOTE=1). */
  remote: boolean;
  /** Console origins (already validated by `consoleOrigins`). */
  consoleOrigins: readonly string[];
}

export interface Refusal {
  status: 403;
  code: string;
  message: string;
}

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"]);

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, "$1");
const bracket = (host: string) => (isIPv6(host) ? `[${host}]` : host);

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`: addresses only this machine can connect to. */
export function isLoopbackAddress(host: string): boolean {
  const h = unbracket(host.trim().toLowerCase());
  if (h === "localhost") return true;
  if (isIPv4(h)) return h.startsWith("127.");
  if (isIPv6(h)) return h === "::1" || h === "0:0:0:0:0:0:0:1" || (/^::ffff:/.test(h) && isIPv4(h.slice(7)) && h.slice(7).startsWith("127."));
  return false;
}

export const isWildcardAddress = (host: string): boolean => WILDCARDS.has(host.trim().toLowerCase());

/** `host:port` as a browser writes it in Host (no port when it is the scheme's default). */
const hostHeader = (host: string, port: number, defaultPort = 80) => (port === defaultPort ? host : `${host}:${port}`);

/**
 * Normalises configured console origins: each must be an http(s) origin (no path, query or credentials).
 * A loopback origin also admits its other loopback spellings on the same port (127.0.0.1 ↔ localhost ↔ [::1]).
 */
export function consoleOrigins(configured: string | readonly string[] | undefined): string[] {
  const list = configured === undefined ? [] : typeof configured === "string" ? [configured] : configured;
  const origins = new Set<string>();
  for (const raw of list) {
    const value = raw.trim();
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error(`consoleOrigin '${raw}' is not an origin such as http://127.0.0.1:3000.`);
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== ""))
      throw new Error(`consoleOrigin '${raw}' is not an origin such as http://127.0.0.1:3000 (scheme, host and port only).`);
    origins.add(url.origin);
    if (LOOPBACK_NAMES.includes(url.hostname)) {
      const port = url.port ? `:${url.port}` : "";
      for (const name of LOOPBACK_NAMES) origins.add(`${url.protocol}//${name}${port}`);
    }
  }
  return [...origins];
}

/** The names this machine answers to on the network (for a wildcard bind with remote access allowed). */
function machineHosts(): string[] {
  const hosts = new Set<string>([hostname().toLowerCase()]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === "IPv6" && address.address.toLowerCase().startsWith("fe80:")) continue; // link-local: needs a zone id
      hosts.add(bracket(address.address.toLowerCase()));
    }
  }
  return [...hosts];
}

export class AccessPolicy {
  /** Accepted Host header values, lowercased (`127.0.0.1:4010`). */
  readonly hosts: ReadonlySet<string>;
  /** Accepted Origin header values (`http://127.0.0.1:4010`, the console's). */
  readonly origins: ReadonlySet<string>;
  private readonly port: number;

  constructor(options: AccessOptions) {
    this.port = options.port;
    const names = new Set(LOOPBACK_NAMES);
    if (options.remote) {
      const bind = options.bindHost.trim().toLowerCase();
      if (isWildcardAddress(bind)) for (const name of machineHosts()) names.add(name);
      else names.add(bracket(unbracket(bind)));
    }
    this.hosts = new Set([...names].map((name) => hostHeader(name, options.port)));
    this.origins = new Set([...[...names].map((name) => new URL(`http://${hostHeader(name, options.port)}`).origin), ...options.consoleOrigins]);
  }

  /** Why this request is refused, or null when it may proceed. */
  check(req: IncomingMessage): Refusal | null {
    const host = req.headers.host;
    if (!host || !this.hosts.has(host.toLowerCase())) {
      const shown = host ? `The Host header '${host.slice(0, 100)}'` : "A request without a Host header";
      return {
        status: 403,
        code: "Forbidden",
        message: `${shown} is not accepted: address this server as 127.0.0.1, localhost or [::1] on port ${this.port} (other host names are refused against DNS rebinding).`,
      };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) {
      return {
        status: 403,
        code: "Forbidden",
        message: `Requests from the origin '${origin.slice(0, 100)}' are refused: only this server's own origin and the configured console origin may call it from a browser.`,
      };
    }
    return null;
  }
}
