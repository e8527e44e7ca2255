import Link from "next/link";
import { routes } from "@/lib/routes";

/** Something addressed by the URL does not exist (or the URL itself cannot name anything). */
export function NotFoundPanel({ title, detail }: { title: string; detail: string }) {
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950" data-testid="not-found">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-2">{detail}</p>
      <p className="mt-4">
        <Link href={routes.servicePrincipals()} prefetch={false} className="font-medium text-brand-700 underline">
          Browse service principals
        </Link>
      </p>
    </div>
  );
}
