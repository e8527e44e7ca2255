/** This machine's names in a URL (`URL.hostname`): where plain http is allowed (the embedded emulator, a local SCIM endpoint). */
const LOOPBACK_HOSTNAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const isLoopbackHostname = (hostname: string): boolean => LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
