import { isIPv4, isIPv6 } from "node:net";

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`: addresses only this machine can connect to. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost") return true;
  if (isIPv4(h)) return h.startsWith("127.");
  if (isIPv6(h)) return h === "::1" || h === "0:0:0:0:0:0:0:1" || (/^::ffff:/.test(h) && isIPv4(h.slice(7)) && h.slice(7).startsWith("127."));
  return false;
}
