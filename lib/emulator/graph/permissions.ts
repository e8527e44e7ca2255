import { GraphError } from "../http/errors";

/**
 * Scope checks from the permissions table (SYNC-API §2). A caller without any Synchronization
 * permission gets Graph's real quirk on `/synchronization/*`: 401 UnknownError with an empty message.
 */
const APPLICATION_READ = ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Application.ReadWrite.OwnedBy"];
const SYNC_READ = ["Synchronization.Read.All", "Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"];
const SYNC_WRITE = ["Synchronization.ReadWrite.All", "Application.ReadWrite.OwnedBy"];

export const insufficientPrivileges = () => new GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

const hasAny = (scopes: ReadonlySet<string>, allowed: readonly string[]) => allowed.some((scope) => scopes.has(scope));

export function requireApplicationRead(scopes: ReadonlySet<string>): void {
  if (!hasAny(scopes, APPLICATION_READ)) throw insufficientPrivileges();
}

export function requireSynchronization(scopes: ReadonlySet<string>, write: boolean): void {
  if (!hasAny(scopes, SYNC_READ)) throw new GraphError(401, "UnknownError", "");
  if (write && !hasAny(scopes, SYNC_WRITE)) throw insufficientPrivileges();
}
