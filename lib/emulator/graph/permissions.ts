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

/**
 * bulkUpload has its own row in the permissions table (SYNC-API §2): SynchronizationData-User.Upload (delegated
 * and application) or SynchronizationData-User.Upload.OwnedBy (application); no Synchronization.* permission
 * grants it, and its page documents 403 for a caller without the permission.
 */
const BULK_UPLOAD = ["SynchronizationData-User.Upload", "SynchronizationData-User.Upload.OwnedBy"];

export function requireBulkUpload(scopes: ReadonlySet<string>): void {
  if (!hasAny(scopes, BULK_UPLOAD)) throw insufficientPrivileges();
}

export function requireSynchronization(scopes: ReadonlySet<string>, write: boolean): void {
  if (!hasAny(scopes, SYNC_READ)) throw new GraphError(401, "UnknownError", "");
  if (write && !hasAny(scopes, SYNC_WRITE)) throw insufficientPrivileges();
}

/**
 * /auditLogs/*: AuditLog.Read.All, and (delegated) Directory.Read.All too, per the List provisioningObjectSummary,
 * List directoryAudits and (v1.0) Get directoryAudit pages; beta Get directoryAudit lists AuditLog.Read.All only.
 * Without AuditLog.Read.All Graph answers 403 Authentication_MSGraphPermissionMissing (microsoftgraph/microsoft-graph-explorer-v4#3165,
 * on /v1.0/auditLogs/provisioning). Without Directory.Read.All: the only answer on record is
 * Authentication_ApplicationHasNoDirectoryReadAccess (microsoftgraph/microsoft-graph-docs#2789, 2018, on signIns).
 */
const DIRECTORY_READ = ["Directory.Read.All", "Directory.ReadWrite.All"];

export function requireAuditLogRead(scopes: ReadonlySet<string>, directoryToo: boolean): void {
  if (!scopes.has("AuditLog.Read.All"))
    throw new GraphError(403, "Authentication_MSGraphPermissionMissing", "Calling principal does not have required MSGraph permissions AuditLog.Read.All");
  if (directoryToo && !hasAny(scopes, DIRECTORY_READ))
    throw new GraphError(403, "Authentication_ApplicationHasNoDirectoryReadAccess", "Failed to do premium license check from ADGraph");
}
