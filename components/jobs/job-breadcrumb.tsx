import Link from "next/link";
import { routes } from "@/lib/routes";

/** Service principals / the app / (the job): the way back from a job's pages. */
export function JobBreadcrumb({ servicePrincipalId, appName, jobId }: { servicePrincipalId: string; appName: string; jobId?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href={routes.servicePrincipals()} prefetch={false} className="text-brand-700 underline">
        Service principals
      </Link>
      <span aria-hidden="true"> / </span>
      <Link href={routes.servicePrincipal(servicePrincipalId)} prefetch={false} className="text-brand-700 underline">
        {appName}
      </Link>
      {jobId ? (
        <>
          <span aria-hidden="true"> / </span>
          <Link href={routes.job(servicePrincipalId, jobId)} prefetch={false} className="break-all text-brand-700 underline">
            {jobId}
          </Link>
        </>
      ) : null}
    </nav>
  );
}
