/**
 * Scope handling as Entra v2 does it for one resource, Graph: bare permission names and
 * `https://graph.microsoft.com/...` (or Graph's app id URI) mean Graph; OIDC scopes ride along; any
 * other resource is unknown in the embedded tenant. Graph grants the persona's consented permissions.
 */
import { GRAPH_APP_ID, GRAPH_AUDIENCE, PERSONAS, TENANT_ID, type PersonaId } from "../auth/personas";
import { Errors, type StsError } from "./errors";

export const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);
/** Longest first: Entra also accepts the double-slash form. */
const GRAPH_PREFIXES = [`${GRAPH_AUDIENCE}//`, `${GRAPH_AUDIENCE}/`, `${GRAPH_APP_ID}/`];
const PERMISSION = /^(?:\.default|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)$/;

export interface ScopeRequest {
  scopes: string[];
  oidc: Set<string>;
  /** Graph permission names asked for (without prefix), `.default` included. */
  graph: string[];
  /** True when the caller spelled Graph scopes with the resource URI; the answer uses the same form. */
  prefixed: boolean;
}

export function splitScopes(value: string | null): string[] {
  return (value ?? "").split(/\s+/).filter(Boolean);
}

export function parseScopes(value: string | null): ScopeRequest | StsError {
  const scopes = splitScopes(value);
  if (scopes.length === 0) return Errors.missingParameter("scope");
  const oidc = new Set<string>();
  const graph: string[] = [];
  let prefixed = false;
  for (const scope of scopes) {
    const lower = scope.toLowerCase();
    if (OIDC_SCOPES.has(lower)) {
      oidc.add(lower);
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p.toLowerCase()));
    const name = prefix ? scope.slice(prefix.length) : scope;
    if (prefix) prefixed = true;
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(scope) || scope.startsWith("api:") || scope.includes("/")) {
      return Errors.resourceNotFound(scope.slice(0, scope.lastIndexOf("/")) || scope, TENANT_ID);
    }
    if (!PERMISSION.test(name)) return Errors.invalidScope(`'${scope}' is not a Graph permission.`);
    graph.push(name);
  }
  return { scopes, oidc, graph, prefixed };
}

export function isStsError(value: unknown): value is StsError {
  return typeof value === "object" && value !== null && "error" in value && "code" in value;
}

/**
 * The `scope` of a token response: the Graph permissions granted to the persona (Entra returns every
 * consented permission, not just the requested ones), in the form the caller used, plus the OIDC
 * scopes it asked for except offline_access (Entra leaves that out).
 */
export function grantedScopeString(persona: PersonaId, request: ScopeRequest): string {
  const granted = PERSONAS[persona].scopes.map((name) => (request.prefixed ? `${GRAPH_AUDIENCE}/${name}` : name));
  const oidc = ["openid", "profile", "email"].filter((scope) => request.oidc.has(scope));
  return [...granted, ...oidc].join(" ");
}
