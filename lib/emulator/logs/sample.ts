import { logId, type ProvisioningAction, type ProvisioningEvent, type ProvisioningResult } from "./types";

/** GUID-shaped ids from numbers (cheap: the bench adds 100,000 events); repeated ones from `logId`, memoized. */
const fakeGuid = (tag: number, n: number) => `${tag.toString(16).padStart(8, "0").slice(-8)}-0000-4000-8000-${n.toString(16).padStart(12, "0").slice(-12)}`;
const hash = (text: string) => [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const memo = new Map<string, string>();
const stableId = (...parts: (string | number)[]) => {
  const key = parts.join("|");
  let id = memo.get(key);
  if (!id) {
    id = logId(...parts);
    if (memo.size < 10_000) memo.set(key, id);
  }
  return id;
};

/**
 * A realistic provisioning event (a user exported from Entra ID to an app, steps and modified properties
 * as in the List provisioningObjectSummary examples), deterministic from `n`. For tests and the bench;
 * the engine builds its own.
 */
export function sampleProvisioningEvent(
  n: number,
  options: { at: number; jobId: string; servicePrincipal: { id: string; displayName: string }; appName?: string; cycle?: number },
): ProvisioningEvent {
  const actions: ProvisioningAction[] = ["create", "update", "update", "update", "disable", "delete", "other", "stagedDelete"];
  const statuses: ProvisioningResult[] = ["success", "success", "success", "failure", "skipped", "warning"];
  const action = actions[n % actions.length];
  const status = statuses[n % statuses.length];
  const app = options.appName ?? options.servicePrincipal.displayName;
  const user = `user${n}@contoso.example`;
  const objectId = fakeGuid(1, n);
  const failed = status === "failure";
  return {
    activityDateTime: options.at,
    jobId: options.jobId,
    cycleId: stableId("sample-cycle", options.jobId, options.cycle ?? Math.floor(n / 500)),
    changeId: fakeGuid(hash(options.jobId), n),
    servicePrincipal: options.servicePrincipal,
    action,
    status,
    durationMs: 500 + (n % 4000),
    sourceSystem: { id: stableId("sample-system", "aad"), displayName: "Azure Active Directory" },
    targetSystem: {
      id: stableId("sample-system", options.jobId),
      displayName: app,
      details: { ApplicationId: stableId("sample-app", options.servicePrincipal.id), ServicePrincipalId: options.servicePrincipal.id, ServicePrincipalDisplayName: options.servicePrincipal.displayName },
    },
    sourceIdentity: { id: objectId, displayName: `User ${n}`, identityType: "User", details: {} },
    targetIdentity: { id: failed ? "" : fakeGuid(3, n), displayName: failed ? "" : user, identityType: "urn:ietf:params:scim:schemas:core:2.0:User", details: {} },
    steps: [
      { name: "EntryImportAdd", type: "import", status: "success", description: `Received User '${user}' change of type (Add) from Azure Active Directory` },
      { name: "EntrySynchronizationScoping", type: "scoping", status: "success", description: `Determine if User in scope by evaluating against each scoping filter`, details: { "Active in the source system": "True" } },
      { name: "EntrySynchronizationAdd", type: "matching", status: "success", description: `User '${user}' will be created in ${app} (User is active and assigned in Azure Active Directory, but no matching User was found in ${app})` },
      {
        name: "EntryExportAdd",
        type: "export",
        status: failed ? "failure" : status,
        description: failed ? `Failed to create User '${user}' in ${app}` : `User '${user}' was created in ${app}`,
        details: { ReportableIdentifier: user },
      },
    ],
    modifiedProperties: [
      { displayName: "objectId", oldValue: null, newValue: objectId },
      { displayName: "userPrincipalName", oldValue: null, newValue: user },
      { displayName: "displayName", oldValue: null, newValue: `User ${n}` },
      { displayName: "accountEnabled", oldValue: null, newValue: "True" },
    ],
    error: failed
      ? {
          errorCode: "SystemForCrossDomainIdentityManagementBadResponse",
          reason: `The SCIM endpoint of ${app} returned an error response with the HTTP status code 409 for User '${user}'.`,
          errorCategory: "nonServiceFailure",
        }
      : null,
  };
}
