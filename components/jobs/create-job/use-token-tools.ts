"use client";

import { useMsal } from "@azure/msal-react";
import { useEffect, useState } from "react";
import { useAuthConfig } from "@/components/auth/auth-config-context";
import { writeAccessFrom, type WriteAccess } from "./write-access";

/** Whether the signed-in admin was granted Synchronization.ReadWrite.All (from the token response's scopes). */
export function useJobWriteAccess(): WriteAccess {
  const { instance } = useMsal();
  const { scopes } = useAuthConfig();
  const [access, setAccess] = useState<WriteAccess>("unknown");
  useEffect(() => {
    let live = true;
    const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
    if (!account) return;
    instance
      .acquireTokenSilent({ account, scopes })
      .then((result) => {
        if (live) setAccess(writeAccessFrom(result.scopes));
      })
      .catch(() => {
        // Unknown: the form stays enabled and Graph decides.
      });
    return () => {
      live = false;
    };
  }, [instance, scopes]);
  return access;
}
