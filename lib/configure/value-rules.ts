import { formatCount } from "@/lib/format/count";
import { isMaskedValue } from "./secret-keys";
import { isLoopbackHostname } from "@/lib/config/loopback";

/**
 * What the console accepts in each Configure field, as plain functions (the form checks as you type, the
 * server actions check again). Each answers a sentence naming the field, or null; none quotes the value.
 */

export const MAX_CREDENTIAL_LENGTH = 4096;
export const MAX_RECIPIENTS = 10;
export const MAX_RECIPIENTS_LENGTH = 2000;
export const MAX_DELETE_THRESHOLD = 1_000_000;

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** Zero-width, soft hyphen, text-direction overrides and isolates, byte order mark, non-characters. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Problems any typed value can have, whatever the field. */
export function textProblem(value: string, label: string, max = MAX_CREDENTIAL_LENGTH): string | null {
  if (value.length > max) return `The ${label} is longer than ${formatCount(max)} characters.`;
  if (CONTROL.test(value)) return `The ${label} contains a line break, tab or other control character.`;
  if (INVISIBLE.test(value) || LONE_SURROGATE.test(value)) {
    return `The ${label} contains an invisible or text-direction character, often pasted by accident. Type it again.`;
  }
  if (/^\s|\s$/.test(value)) return `The ${label} starts or ends with a space.`;
  return null;
}

/** A credential value: text rules, and never the mask Graph shows for a saved secret. */
export function credentialValueProblem(value: string, label: string): string | null {
  if (isMaskedValue(value)) return `The ${label} is only asterisks, which is how Microsoft Graph hides a saved secret. Type the real value.`;
  return textProblem(value, label);
}

/** A field that must be an https URL (the connection carries the admin credentials), or http to this machine's loopback. */
export function httpsUrlProblem(value: string, label: string): string | null {
  const example = "for example https://scim.example.com/v2";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The ${label} must be a full https:// address, ${example}.`;
  }
  const loopback = url.protocol === "http:" && isLoopbackHostname(url.hostname);
  if (url.protocol !== "https:" && !loopback)
    return `The ${label} must start with https:// (the connection carries the admin credentials), ${example}; only an endpoint on this machine (127.0.0.1, localhost) may use http://.`;
  if (url.username || url.password) return `The ${label} must not contain a user name or password.`;
  if (!url.hostname) return `The ${label} must name a host, ${example}.`;
  return null;
}

/** The HTML specification's e-mail address, with at least one dot in the domain. */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The addresses of a "notification email" text: separated by ";" or ",", blanks dropped. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((address) => address.trim())
    .filter(Boolean);
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** The notification email: addresses separated by ";", needed when failure notifications are on. */
export function recipientsProblem(text: string, required: boolean): string | null {
  const label = "notification email";
  if (text.length > MAX_RECIPIENTS_LENGTH) return `The ${label} is longer than ${formatCount(MAX_RECIPIENTS_LENGTH)} characters.`;
  if (CONTROL.test(text) || INVISIBLE.test(text) || LONE_SURROGATE.test(text)) return textProblem(text, label, MAX_RECIPIENTS_LENGTH);
  const addresses = parseRecipients(text);
  if (addresses.length === 0) return required ? "Enter the email address that should receive failure notifications." : null;
  if (addresses.length > MAX_RECIPIENTS) return `Enter at most ${MAX_RECIPIENTS} email addresses.`;
  const bad = addresses.findIndex((address) => address.length > 254 || !EMAIL.test(address));
  if (bad === -1) return null;
  return addresses.length === 1
    ? `The ${label} is not an email address (name@example.com).`
    : `The ${ordinal(bad + 1)} address of the ${label} is not an email address (name@example.com); separate addresses with ";".`;
}

/** Recipients as Graph keeps them: one string, addresses separated by ";". */
export const normalizeRecipients = (text: string) => parseRecipients(text).join(";");

export const THRESHOLD_PROBLEM = `The deletion threshold must be a whole number from 1 to ${formatCount(MAX_DELETE_THRESHOLD)}.`;

/** The accidental-deletion threshold: a positive whole number. */
export function thresholdProblem(value: unknown): string | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_DELETE_THRESHOLD ? null : THRESHOLD_PROBLEM;
}

/** The threshold as typed ("500"), or NaN when it is not digits. */
export function parseThreshold(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
