/**
 * The scopes Entra granted in the page's latest Graph token, as MSAL reported them. Every token the console
 * gets goes through acquireGraphToken, which records them here; screens that only need to know what the
 * admin may do (read-only controls) read them instead of asking MSAL for a token of their own.
 */
let granted: readonly string[] | undefined;
const listeners = new Set<() => void>();

export function grantedScopes(): readonly string[] | undefined {
  return granted;
}

export function recordGrantedScopes(scopes: readonly string[] | undefined): void {
  if (!scopes?.length) return; // some token responses omit `scope`: keep what is known
  if (granted && granted.length === scopes.length && granted.every((scope, i) => scope === scopes[i])) return;
  granted = [...scopes];
  for (const listener of listeners) listener();
}

export function subscribeGrantedScopes(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
