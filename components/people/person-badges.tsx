import type { DirectoryUser } from "@/lib/graph/directory-search";

const BADGE = "inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset";

/** "Disabled" (the account can't sign in, and apps disable it) and "Guest" (B2B), as text, never colour alone. */
export function PersonBadges({ user }: { user: Pick<DirectoryUser, "accountEnabled" | "userType"> }) {
  return (
    <>
      {user.accountEnabled === false ? (
        <span className={`${BADGE} bg-amber-50 text-amber-800 ring-amber-700/30`} data-testid="person-disabled">
          Disabled
        </span>
      ) : null}
      {user.userType?.toLowerCase() === "guest" ? <span className={`${BADGE} bg-slate-100 text-slate-700 ring-slate-600/30`}>Guest</span> : null}
    </>
  );
}

/** "megan.bowen@contoso.example" (and the mail when it differs). */
export const userLine = (user: Pick<DirectoryUser, "userPrincipalName" | "mail">) =>
  [user.userPrincipalName, user.mail && user.mail.toLowerCase() !== user.userPrincipalName?.toLowerCase() ? user.mail : null].filter(Boolean).join(" · ");
