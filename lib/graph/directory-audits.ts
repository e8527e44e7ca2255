import * as z from "zod/mini";
import { parseAnswer } from "./answers";
import type { GraphGateway, GraphPage } from "./gateway";
import { odataString } from "./odata";

/** The service Entra logs provisioning configuration changes under (audit activity reference, "Account provisioning"). */
export const PROVISIONING_AUDIT_SERVICE = "Account Provisioning";
export const ACTIVITY_PAGE_SIZE = 50;

const identity = z.nullish(z.object({ displayName: z.nullish(z.string()), userPrincipalName: z.nullish(z.string()) }));
const auditAnswer = z.object({
  id: z.string(),
  activityDisplayName: z.string(),
  activityDateTime: z.string(),
  result: z.nullish(z.string()),
  resultReason: z.nullish(z.string()),
  initiatedBy: z.nullish(z.object({ user: identity, app: z.nullish(z.object({ displayName: z.nullish(z.string()) })) })),
  additionalDetails: z.nullish(z.array(z.object({ key: z.nullish(z.string()), value: z.nullish(z.string()) }))),
  targetResources: z.nullish(z.array(z.object({ id: z.nullish(z.string()), displayName: z.nullish(z.string()), type: z.nullish(z.string()) }))),
});
export type DirectoryAudit = z.infer<typeof auditAnswer>;
const pageAnswer = z.array(auditAnswer);

/**
 * A page of the provisioning configuration audits of one service principal, newest first (Graph's order), with
 * the documented `$filter` forms only: `loggedByService eq` and `targetResources/any(t: t/id eq …)`.
 */
export async function provisioningAudits(graph: GraphGateway, start: { servicePrincipalId: string } | { nextLink: string }): Promise<GraphPage<DirectoryAudit>> {
  const page =
    "nextLink" in start
      ? await graph.page<unknown>({ nextLink: start.nextLink })
      : await graph.page<unknown>({
          path: "/auditLogs/directoryAudits",
          query: {
            $filter: `loggedByService eq ${odataString(PROVISIONING_AUDIT_SERVICE)} and targetResources/any(t: t/id eq ${odataString(start.servicePrincipalId)})`,
            $top: ACTIVITY_PAGE_SIZE,
          },
        });
  return { ...page, value: parseAnswer(pageAnswer, page.value, "the audit log") };
}

/**
 * The tenant's latest provisioning audits (the Overview): one page of `top`, newest first, with the one
 * documented filter that keeps them to provisioning, `loggedByService eq`.
 */
export async function recentProvisioningAudits(graph: GraphGateway, options: { top: number; signal?: AbortSignal }): Promise<DirectoryAudit[]> {
  const page = await graph.page<unknown>(
    { path: "/auditLogs/directoryAudits", query: { $filter: `loggedByService eq ${odataString(PROVISIONING_AUDIT_SERVICE)}`, $top: options.top } },
    undefined,
    options.signal,
  );
  return parseAnswer(pageAnswer, page.value, "the audit log").slice(0, options.top);
}
