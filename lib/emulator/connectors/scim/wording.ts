import { STATUS_CODES } from "node:http";
import { urlOf, type ScimExchange } from "./client";

/**
 * How the provisioning service words what a SCIM endpoint answered. Entra prints an HTTP status by its .NET
 * `HttpStatusCode` name (`Unauthorized`, `NotFound`, `InternalServerError`): Node's reason phrases without spaces
 * give the same names for the statuses an endpoint sends.
 */
export function statusName(status: number): string {
  if (status === 0) return "None";
  return (STATUS_CODES[status] ?? String(status)).replace(/[^A-Za-z0-9]/g, "");
}

/** The request as Entra's messages print it: `https://host/scim/Users?filter=userName+eq+"…"`. */
export function resourceText(base: URL, exchange: Pick<ScimExchange, "path">): string {
  const url = urlOf(base, exchange.path);
  try {
    return decodeURIComponent(url.replace(/\+/g, "%2B")).replace(/ /g, "+");
  } catch {
    return url;
  }
}

const MAX_CONTENT = 1_000;

/** "Received response from Web resource. Resource: … Operation: GET Response Status Code: … Response Content: …" (Entra's wording). */
export function receivedResponse(base: URL, exchange: ScimExchange): string {
  const content = exchange.body ? JSON.stringify(exchange.body) : (exchange.problem?.detail ?? "");
  const shown = content.length > MAX_CONTENT ? `${content.slice(0, MAX_CONTENT)}…` : content;
  return `Received response from Web resource. Resource: ${resourceText(base, exchange)} Operation: ${exchange.method} Response Status Code: ${statusName(exchange.status)} Response Content: ${shown}`;
}
