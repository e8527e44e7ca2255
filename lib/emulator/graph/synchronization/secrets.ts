import { credentialErrorOf } from "../../engine/connection";
import { updateCredentials } from "../../engine/operations";
import { noContent, ok, type GraphResult } from "../types";
import { connectionOf, objectBody, odataContext, secretPairs, type SyncContext } from "./context";
import { unreadableBody } from "./model";

/**
 * PUT synchronization/secrets replaces all saved secrets (examples send `value`; the parameter table
 * says `credentials` — both accepted). Each key must be a synchronizationSecret member (context.ts). Jobs pick
 * up the new credentials immediately.
 */
export function putSecrets(c: SyncContext): GraphResult {
  const body = objectBody(c.req);
  const property = body.value !== undefined ? "value" : body.credentials !== undefined ? "credentials" : null;
  if (!property || Object.keys(body).some((name) => name !== property && !name.includes("@"))) throw unreadableBody();
  c.sync.secrets = secretPairs(body[property]);
  const now = c.state.clock.now();
  for (const job of c.sync.jobs.values()) {
    updateCredentials(job, now, credentialErrorOf(connectionOf(c, job), c.sync.secrets));
  }
  return noContent();
}

/**
 * The synchronizationSecret members that hold credential material (passwords, tokens, client secrets, OAuth
 * grants, connection strings). Every other member is a setting or an identifier (BaseAddress, UserName, SyncAll,
 * SyncNotificationSettings, CompanyId, Oauth2ClientId, …) and is shown as saved.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "Password", "SecretToken", "ClientSecret", "ConsumerSecret", "TokenKey", "Oauth2AccessToken", "Oauth2RefreshToken",
  "Oauth2ClientSecret", "Oauth2AuthorizationCode", "ConnectionString",
]);
/** What the Entra portal shows in a saved secret's field: a fixed mask, not the value nor its length. */
export const SECRET_MASK = "*****";

/**
 * ⚠ Emulator decision, Graph's GET shape is undocumented (SYNC-API §3.4, §11): the saved pairs in the order PUT
 * sent them, credential values masked (an empty or null one stays as saved), settings in clear.
 */
export function getSecrets(c: SyncContext): GraphResult {
  return ok({
    "@odata.context": odataContext(c, "secrets"),
    value: c.sync.secrets.map(({ key, value }) => ({ key, value: SECRET_KEYS.has(key) && value ? SECRET_MASK : value })),
  });
}

export function acquireAccessToken(c: SyncContext): GraphResult {
  const body = objectBody(c.req, true);
  if (body.credentials !== undefined) secretPairs(body.credentials);
  return noContent();
}
