import Link from "next/link";
import { SiteHeader } from "@/components/shell/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-6xl px-4 py-10">
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-3 text-slate-700">
          There is nothing at this address. Check the link, or go back to the{" "}
          <Link href="/service-principals" className="text-brand-600 underline">
            service principals
          </Link>
          .
        </p>
      </main>
    </>
  );
}
