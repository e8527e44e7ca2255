"use client";

import { useMsal } from "@azure/msal-react";
import { useEffect, useId, useRef, useState } from "react";
import { BusyButton } from "@/components/ui/busy-button";

/** The signed-in admin's name, UPN and tenant, and sign-out; renders nothing for a signed-out visitor. */
export function AccountMenu() {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const menuId = useId();
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  if (!account) return null;
  const tenant = account.tenantId || (account.idTokenClaims?.tid as string | undefined) || "";

  async function signOut() {
    setSigningOut(true);
    await instance.logoutRedirect({ account });
  }

  return (
    <div ref={container} className="relative">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md px-3 py-1.5 text-sm hover:bg-white/10"
      >
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-900">
          {(account.name ?? account.username).slice(0, 1).toUpperCase()}
        </span>
        <span>{account.name ?? account.username}</span>
        <span className="sr-only">, account menu</span>
      </button>
      {open ? (
        <div
          id={menuId}
          className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-lg"
        >
          <p className="font-semibold">{account.name}</p>
          <p className="text-sm text-slate-700" data-testid="account-upn">
            {account.username}
          </p>
          <p className="mt-2 text-xs text-slate-600">
            Tenant <span className="font-mono" data-testid="account-tenant">{tenant}</span>
          </p>
          <BusyButton
            onClick={signOut}
            busy={signingOut}
            busyLabel="Signing out…"
            className="mt-4 w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-70"
          >
            Sign out
          </BusyButton>
        </div>
      ) : null}
    </div>
  );
}
