import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { AuthConfigScript } from "@/components/auth/auth-config-script";
import { ConsoleProviders } from "@/components/auth/console-providers";
import { SiteHeader } from "@/components/shell/site-header";
import { publicAuthConfig } from "@/lib/config/server-config";

/** Every console route: configuration read at request time (also for instrumentation-client.ts), MSAL + TanStack Query, and the sign-in gate. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const config = await publicAuthConfig();
  return (
    <>
      <AuthConfigScript config={config} />
      <ConsoleProviders config={config} header={<SiteHeader account={<AccountMenu />} />}>
        {children}
      </ConsoleProviders>
    </>
  );
}
