"use client";

import { PublicClientApplication } from "@azure/msal-browser";
import { useEffect, useState } from "react";

// Authority metadata is given, so MSAL makes no network request (as the console does in embedded mode).
const authority = "https://login.bare.invalid/common";
const authorityMetadata = JSON.stringify({
  issuer: `${authority}/v2.0`,
  authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
  token_endpoint: `${authority}/oauth2/v2.0/token`,
  end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
  jwks_uri: `${authority}/discovery/v2.0/keys`,
});

export function StartMsal() {
  const [accounts, setAccounts] = useState(null);
  useEffect(() => {
    const msal = new PublicClientApplication({
      auth: { clientId: "00000000-0000-0000-0000-000000000001", authority, knownAuthorities: ["login.bare.invalid"], authorityMetadata },
      cache: { cacheLocation: "sessionStorage" },
    });
    msal
      .initialize()
      .then(() => msal.handleRedirectPromise())
      .then(() => setAccounts(msal.getAllAccounts().length));
  }, []);
  return <p>{accounts === null ? "Starting MSAL…" : `MSAL started: ${accounts} accounts.`}</p>;
}
