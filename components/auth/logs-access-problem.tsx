import type { GraphErrorInfo } from "@/lib/graph/graph-error";
import { GraphErrorDetails } from "@/components/ui/graph-error-details";

/**
 * Why provisioning logs or audits can't be read, in an admin's words (Entra docs, howto-analyze-provisioning-logs
 * and concept-provisioning-logs): a P1/P2 license, the delegated permissions, and one of the roles that may read
 * them. The rest of the console does not need any of this.
 */
export const LOGS_ROLES = ["Reports Reader", "Security Reader", "Security Operator", "Security Administrator", "Application Administrator", "Cloud Application Administrator"];

/** Graph's answer for logs in a tenant without Entra ID P1 or P2 (also B2C). */
const NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

export function LogsAccessProblem({ error, what = "provisioning logs" }: { error: GraphErrorInfo; what?: string }) {
  const license = error.code === NON_PREMIUM;
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="logs-access-problem" data-error-kind={error.kind}>
      <h2 className="font-semibold">You can&apos;t read {what} with this account</h2>
      {license ? (
        <p>Provisioning logs need a Microsoft Entra ID P1 or P2 license in this tenant.</p>
      ) : (
        <>
          <p>
            Reading them needs the delegated Microsoft Graph permissions <strong>AuditLog.Read.All</strong> and <strong>Directory.Read.All</strong>
            (the console asks for them when a logs screen opens), consented for the console, and one of these roles: {LOGS_ROLES.join(", ")}, or a
            custom role with the provisioningLogs permission. Application owners can read the logs of their own applications.
          </p>
          <p>Ask an administrator for the role or the consent, then sign in again. Everything else in the console works without them.</p>
        </>
      )}
      <GraphErrorDetails error={error} />
    </div>
  );
}
