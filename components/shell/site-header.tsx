import Link from "next/link";
import type { ReactNode } from "react";
import { SiteNav } from "./site-nav";

/** The header every page shares; `account` is the signed-in user's menu where there is one. */
export function SiteHeader({ account }: { account?: ReactNode }) {
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" prefetch={false} className="flex items-center gap-2 text-base font-semibold tracking-tight">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/icon.svg" alt="" width={24} height={24} />
          Provisioning Console
        </Link>
        <SiteNav />
        <div className="ml-auto">{account}</div>
      </div>
    </header>
  );
}
