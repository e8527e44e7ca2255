"use client";

import { useSyncExternalStore } from "react";
import { grantedScopes, subscribeGrantedScopes } from "@/lib/auth/granted-scopes";
import { writeAccessFrom, type WriteAccess } from "./write-access";

/**
 * Whether the signed-in admin was granted Synchronization.ReadWrite.All, from the scopes of the page's latest
 * Graph token (the page's own Graph calls get one first). Unknown until then: controls stay enabled and Graph decides.
 */
export function useJobWriteAccess(): WriteAccess {
  return writeAccessFrom(useSyncExternalStore(subscribeGrantedScopes, grantedScopes, () => undefined));
}
