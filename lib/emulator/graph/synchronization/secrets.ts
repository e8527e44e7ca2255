import { credentialErrorFor } from "../../engine/credentials";
import { updateCredentials } from "../../engine/operations";
import { badRequest } from "../../http/errors";
import { noContent, ok, type GraphResult } from "../types";
import { objectBody, odataContext, secretPairs, templateOf, type SyncContext } from "./context";

/**
 * PUT synchronization/secrets replaces all saved secrets (examples send `value`; the parameter table
 * says `credentials` — both accepted). Jobs pick up the new credentials immediately.
 */
export function putSecrets(c: SyncContext): GraphResult {
  const body = objectBody(c.req);
  const property = body.value !== undefined ? "value" : body.credentials !== undefined ? "credentials" : null;
  if (!property) throw badRequest("The request body must contain 'value': an array of synchronizationSecretKeyStringValuePair.");
  c.sync.secrets = secretPairs(body[property], property);
  const now = c.state.clock.now();
  for (const job of c.sync.jobs.values()) {
    updateCredentials(job, now, credentialErrorFor(c.sync.secrets, templateOf(c, job)?.factoryTag ?? null));
  }
  return noContent();
}

const SHOWN = new Set(["baseaddress", "syncall", "syncnotificationsettings", "skipoutofscopedeletions", "companyid", "authenticationtype", "domain", "appkey", "username", "url", "instancename"]);

/** ⚠ Undocumented shape (Entra docs only mention the call): non-secret values shown, secrets masked. */
export function getSecrets(c: SyncContext): GraphResult {
  return ok({
    "@odata.context": odataContext(c, "secrets"),
    value: c.sync.secrets.map(({ key, value }) => ({ key, value: SHOWN.has(key.toLowerCase()) ? value : value ? "*****" : value })),
  });
}

export function acquireAccessToken(c: SyncContext): GraphResult {
  const body = objectBody(c.req, true);
  if (body.credentials !== undefined && !Array.isArray(body.credentials)) throw badRequest("'credentials' must be an array.");
  return noContent();
}
