import type { GraphErrorInfo } from "./graph-error";

export interface GraphProblem {
  title: string;
  advice: string;
  /** Whether trying the same read again could help. */
  retryable: boolean;
}

/** A failed Graph call in words an Entra admin can act on. `action` names what was being done ("load the jobs"). */
export function describeGraphError(error: GraphErrorInfo, action: string): GraphProblem {
  switch (error.kind) {
    case "missing-sync-permission":
      return {
        title: `Could not ${action}: missing Synchronization permission`,
        advice:
          "Your account lacks Synchronization.Read.All (to read) or Synchronization.ReadWrite.All (to change) provisioning jobs. Ask an administrator for the Application Administrator role or consent.",
        retryable: false,
      };
    case "forbidden":
      return {
        title: `Could not ${action}: access denied`,
        advice: "Your account lacks the permission for this (Application.Read.All to read service principals, Synchronization.ReadWrite.All to change jobs).",
        retryable: false,
      };
    case "unauthenticated":
      return { title: `Could not ${action}: your session expired`, advice: "Sign in again, then retry.", retryable: true };
    case "not-found":
      return { title: `Could not ${action}: it no longer exists`, advice: "It may have been deleted. Go back to the list.", retryable: false };
    case "throttled":
      return {
        title: `Could not ${action}: Microsoft Graph is throttling requests`,
        advice: error.retryAfterSeconds
          ? `Graph asked to wait ${error.retryAfterSeconds} seconds before trying again.`
          : "Wait a little, then try again.",
        retryable: true,
      };
    case "server":
      return { title: `Could not ${action}: Microsoft Graph had a problem`, advice: "This is usually temporary. Try again in a moment.", retryable: true };
    case "network":
      return {
        title: `Could not ${action}: Microsoft Graph could not be reached`,
        advice: "Check your network connection, then try again.",
        retryable: true,
      };
    case "bad-request":
      return { title: `Could not ${action}: Graph refused the request`, advice: error.message || "The request was not valid.", retryable: false };
    default:
      return { title: `Could not ${action}`, advice: error.message || "Something unexpected happened.", retryable: true };
  }
}
