import Link from "next/link";
import type { Loaded } from "@/lib/graph/answers";
import type { DirectoryUser } from "@/lib/graph/directory-search";
import type { TraceGroup } from "@/lib/graph/person-trace";
import { formatCount } from "@/lib/format/count";
import { routes } from "@/lib/routes";
import { PersonBadges, userLine } from "./person-badges";

function groupsLine(direct: Loaded<TraceGroup[]>, all: Loaded<TraceGroup[]>): string | null {
  if (!all.ok) return null;
  const total = all.value.length;
  if (total === 0) return "In no group.";
  const count = `${formatCount(total)} group${total === 1 ? "" : "s"}`;
  if (!direct.ok) return `In ${count}.`;
  const nested = total - direct.value.length;
  return nested > 0 ? `In ${count}: ${formatCount(direct.value.length)} directly, ${formatCount(nested)} through nesting.` : `In ${count}, all directly.`;
}

/** Who the trace is of: name, UPN and mail, disabled or guest, and how many groups they are in. */
export function PersonHeader({ user, directGroups, groups }: { user: DirectoryUser; directGroups: Loaded<TraceGroup[]>; groups: Loaded<TraceGroup[]> }) {
  const line = groupsLine(directGroups, groups);
  return (
    <div className="space-y-1">
      <h2 className="flex flex-wrap items-center gap-2 text-xl font-semibold">
        {user.displayName ?? user.id} <PersonBadges user={user} />
      </h2>
      <p className="break-all text-sm text-slate-700">{userLine(user) || user.id}</p>
      {line ? <p className="text-sm text-slate-700">{line}</p> : null}
      <p className="text-sm">
        <Link href={routes.people()} prefetch={false} className="font-medium text-brand-700 underline underline-offset-2">
          Find someone else
        </Link>
      </p>
    </div>
  );
}
