import type { ProvisioningErrorInput } from "../../logs/types";
import type { SyncError } from "../../engine/types";
import type { ScimExchange } from "./client";
import { refusedCredentials } from "./probe";
import { resourceText, statusName } from "./wording";

/**
 * A failed SCIM exchange as the provisioning log reports it. Codes are the ones the logs' error table
 * (howto-analyze-provisioning-logs) lists for target-app answers, named like .NET's HttpStatusCode (Unauthorized,
 * Conflict, TooManyRequests, …), and the SystemForCrossDomainIdentityManagement… codes seen in real logs for SCIM
 * apps; the reason is the "StatusCode / Message / Web Response" text real SCIM log entries carry.
 */

const NOT_AUTHORIZED =
  "Microsoft Entra ID authenticated with the target application but wasn't authorized to perform the update. Review any instructions that the target application provided, along with the respective application.";

/** Recommended actions: the logs' error table, by code (InsufficientRights, MethodNotAllowed, NotPermitted and Unauthorized share a row). */
const ACTIONS: Record<string, string> = {
  Conflict:
    "Correct the conflicting attribute values in either Microsoft Entra ID or the application. Or, review your matching attribute configuration if the conflicting user account was supposed to be matched and taken over.",
  Unauthorized: NOT_AUTHORIZED,
  InsufficientRights: NOT_AUTHORIZED,
  MethodNotAllowed: NOT_AUTHORIZED,
  UnprocessableEntity:
    "The target application returned an unexpected response. The configuration of the target application might not be correct, or a service issue with the target application might be preventing it from working.",
  TooManyRequests:
    "The target app rejected this attempt to update the user because the app is receiving too many requests. There's nothing to do. This attempt is automatically retried and Microsoft was notified of this issue.",
  InternalServerError:
    "The target app returned an unexpected error. A service issue with the target application might be preventing it from working. This attempt is automatically retried in 40 minutes.",
  WebExceptionProtocolError:
    "An HTTP protocol error occurred while connecting to the target application. There's nothing to do. This attempt is automatically retried in 40 minutes.",
  Timeout: "The operation couldn't be completed because the target application took too long to respond. There's nothing to do. This attempt is automatically retried in 40 minutes.",
  InvalidAnchor:
    "A user that was previously created or matched by the provisioning service no longer exists. Ensure that the user exists. To force a new matching of all users, use the Microsoft Graph API to restart the job.",
  SystemForCrossDomainIdentityManagementMultipleEntriesInResponse:
    "A GET request to retrieve a user or group received multiple users or groups in the response. The system expects to receive only one user or group in the response.",
};

/** The table's codes for answers by their status (named as .NET's HttpStatusCode, except 403). */
const BY_STATUS: Record<number, string> = {
  400: "SystemForCrossDomainIdentityManagementBadRequest",
  401: "Unauthorized",
  403: "InsufficientRights",
  405: "MethodNotAllowed",
  409: "Conflict",
  422: "UnprocessableEntity",
  429: "TooManyRequests",
};

const INCOMPATIBLE =
  "The SCIM endpoint is not fully compatible with the Azure Active Directory SCIM client. Please refer to the Azure Active Directory SCIM provisioning documentation and adapt the SCIM endpoint to be able to process provisioning requests from Azure Active Directory.";

function codeOf(exchange: ScimExchange): string {
  const { status, problem, method } = exchange;
  if (problem?.kind === "timeout") return "Timeout";
  if (problem?.kind === "unreachable" || problem?.kind === "redirect") return "WebExceptionProtocolError";
  if (problem?.kind === "multipleMatches") return "SystemForCrossDomainIdentityManagementMultipleEntriesInResponse";
  if (status === 404 && method !== "GET" && method !== "POST") return "InvalidAnchor";
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return "InternalServerError";
  return "SystemForCrossDomainIdentityManagementServiceIncompatible";
}

export function exportError(base: URL, exchange: ScimExchange): ProvisioningErrorInput {
  const errorCode = codeOf(exchange);
  const content = exchange.body ? JSON.stringify(exchange.body) : (exchange.problem?.detail ?? "");
  const incompatible = errorCode.startsWith("SystemForCrossDomainIdentityManagementServiceIncompatible") ? `${INCOMPATIBLE}\r\n` : "";
  const reason =
    exchange.status === 0 || exchange.problem?.kind === "redirect"
      ? `${exchange.problem?.detail} Resource: ${resourceText(base, exchange)} Operation: ${exchange.method}`
      : `${incompatible}StatusCode: ${statusName(exchange.status)}\r\nMessage: Processing of the HTTP request resulted in an exception. Please see the HTTP response returned by the 'Response' property of this exception for details.\r\nWeb Response: \r\n${content}`;
  return { errorCode, reason, errorCategory: "nonServiceFailure", recommendedAction: ACTIONS[errorCode] ?? null };
}

/** A 401 means the saved credentials no longer work: the job is quarantined as its Test connection would fail. */
export function refusalOf(base: URL, exchange: ScimExchange): SyncError | null {
  return exchange.status === 401 ? refusedCredentials(base, exchange) : null;
}

/** What a step shows of one exchange (never a header, so never the token). */
export function exchangeDetails(base: URL, exchange: ScimExchange): Record<string, string> {
  return {
    Request: `${exchange.method} ${resourceText(base, exchange)}`,
    ResponseStatusCode: exchange.status === 0 ? "None" : `${exchange.status} ${statusName(exchange.status)}`,
    ...(exchange.attempts > 1 ? { Attempts: String(exchange.attempts) } : {}),
    ...(exchange.body?.scimType ? { ScimType: String(exchange.body.scimType) } : {}),
    ...(exchange.problem ? { Detail: exchange.problem.detail } : {}),
  };
}
