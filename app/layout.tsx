import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Provisioning Console", template: "%s · Provisioning Console" },
  description: "Configure and watch Microsoft Entra ID application provisioning jobs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next puts the response's CSP nonce (proxy.ts) on its scripts.
  // A prerendered page has none, and the CSP would block its scripts (the sign-in bridge included).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
