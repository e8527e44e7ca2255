/** Whether granted scopes (as MSAL reports them: bare or prefixed with Graph's resource) allow changing jobs (create, start, pause, restart, delete). */
function hasSyncWriteScope(scopes: readonly string[]): boolean {
  return scopes.some((scope) => /(^|\/)synchronization\.readwrite\.all$/i.test(scope.trim()));
}

export type WriteAccess = "unknown" | "granted" | "missing";

/** Unknown until the scopes are known; an empty list (some token responses omit `scope`) stays unknown. */
export function writeAccessFrom(scopes: readonly string[] | undefined): WriteAccess {
  if (!scopes || scopes.length === 0) return "unknown";
  return hasSyncWriteScope(scopes) ? "granted" : "missing";
}
