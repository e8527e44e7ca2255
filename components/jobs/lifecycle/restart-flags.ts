import { isImpliedByFull, type RestartFlag } from "@/lib/jobs/restart-scope";

/** What each reset scope flag does, from Graph's synchronizationJobRestartCriteria (SYNC-API §3.1). */
export const RESTART_FLAG_TEXT: Record<RestartFlag, { label: string; meaning: string }> = {
  Escrows: {
    label: "Escrows",
    meaning: "Clears the escrows. Provisioning failures are marked as escrows and retried; clearing them stops the service from retrying those failures.",
  },
  Watermark: {
    label: "Watermark",
    meaning: "Removes the watermark: the next cycle re-evaluates every user and group instead of only the changes, and takes as long as an initial cycle.",
  },
  QuarantineState: { label: "QuarantineState", meaning: "Temporarily lifts the quarantine." },
  Full: {
    label: "Full",
    meaning:
      "All of the options: Escrows, Watermark and QuarantineState. In Graph's flag values Full also includes ConnectorDataStore, which clears the connector's cached data for all users.",
  },
  ForceDeletes: {
    label: "ForceDeletes",
    meaning:
      "Deletes the users held back by accidental-deletions prevention after the deletion threshold was exceeded (a Too many deletions quarantine). Choose it only if those deletions are intended.",
  },
};

export const PORTAL_RESTART_TEXT =
  "Restart provisioning, as in the Microsoft Entra admin center: clears the escrows, lifts the quarantine and removes the watermark, so the job runs a full cycle that re-evaluates every user and group. This meets most needs.";

/** Ticks or unticks one flag; the flags Full implies cannot be unticked while Full is chosen. */
export function toggleFlag(chosen: ReadonlySet<RestartFlag>, flag: RestartFlag, on: boolean): Set<RestartFlag> {
  const next = new Set(chosen);
  if (on) next.add(flag);
  else if (!isImpliedByFull(chosen, flag)) next.delete(flag);
  return next;
}
