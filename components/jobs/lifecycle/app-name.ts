import type { QueryClient } from "@tanstack/react-query";
import type { ServicePrincipal } from "@microsoft/microsoft-graph-types-beta";
import type { Loaded } from "@/lib/graph/answers";

type WithServicePrincipal = { servicePrincipal?: Loaded<Pick<ServicePrincipal, "id" | "displayName">> };

/**
 * The application's display name from whatever the page already loaded (the SP page's or the job page's
 * $batch), so the delete dialog can name it without another Graph call.
 */
export function appNameFromCache(client: QueryClient, spId: string): string | undefined {
  for (const [, data] of client.getQueriesData<WithServicePrincipal>({ queryKey: ["graph"] })) {
    const sp = data && typeof data === "object" ? data.servicePrincipal : undefined;
    if (sp?.ok && sp.value.id?.toLowerCase() === spId.toLowerCase() && sp.value.displayName) return sp.value.displayName;
  }
  return undefined;
}
