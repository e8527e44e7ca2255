import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { ConsoleProviders } from "@/components/auth/console-providers";
import { SiteHeader } from "@/components/shell/site-header";
import { publicAuthConfig } from "@/lib/config/server-config";

/** Every console route: configuration read at request time, MSAL + TanStack Query, and the sign-in gate. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const config = await publicAuthConfig();
  return (
    <ConsoleProviders config={config} header={<SiteHeader account={<AccountMenu />} />}>
      {children}
    </ConsoleProviders>
  );
}
