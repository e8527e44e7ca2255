import { createHash } from "node:crypto";

/** A deterministic integer in [min, max] derived from the given parts (seed data, cycle counts). */
export function hashInt(min: number, max: number, ...parts: (string | number)[]): number {
  const digest = createHash("sha1").update(parts.join("|")).digest();
  return min + (digest.readUInt32BE(0) % (max - min + 1));
}

/** A deterministic lower-case GUID derived from a name (seeded and generated ids). */
export function hashGuid(name: string): string {
  const hex = createHash("sha1").update(name).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function hashHex32(name: string): string {
  return createHash("sha1").update(name).digest("hex").slice(0, 32);
}
