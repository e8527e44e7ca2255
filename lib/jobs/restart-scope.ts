/**
 * The restart flags the console offers (SYNC-API §3.1 Restart, synchronizationJobRestartCriteria). Plain data,
 * shared by the `restartJob` schema (server) and the restart dialog (browser).
 *
 * Never offered: `None` ("Starts a paused or quarantined provisioning job. DO NOT USE. Use the Start
 * synchronizationJob API instead.") and `ConnectorDataStore` ("Clears the underlying cache for all users.
 * DO NOT USE. Contact Microsoft Support for guidance.").
 */
export const RESTART_FLAGS = ["Escrows", "Watermark", "QuarantineState", "Full", "ForceDeletes"] as const;
export type RestartFlag = (typeof RESTART_FLAGS)[number];

/** The flags Graph documents but the console refuses, with the reason it gives. */
export const REFUSED_RESTART_FLAGS: Record<string, string> = {
  none: 'The reset scope "None" is not offered: Microsoft says not to use it. To resume a paused or quarantined job, start it.',
  connectordatastore:
    'The reset scope "ConnectorDataStore" is not offered: Microsoft says not to use it and to contact Microsoft Support for guidance.',
};

/** Full is Escrows + Watermark + QuarantineState (+ ConnectorDataStore in Graph's flag values: Full = 15). */
export const IMPLIED_BY_FULL: readonly RestartFlag[] = ["Escrows", "Watermark", "QuarantineState"];

/** The flags in effect: the chosen ones, plus those Full implies. */
export function withImpliedFlags(flags: Iterable<RestartFlag>): Set<RestartFlag> {
  const effective = new Set(flags);
  if (effective.has("Full")) for (const flag of IMPLIED_BY_FULL) effective.add(flag);
  return effective;
}

/** Whether `flag` is on only because Full is chosen (so it cannot be unticked on its own). */
export function isImpliedByFull(chosen: ReadonlySet<RestartFlag>, flag: RestartFlag): boolean {
  return chosen.has("Full") && IMPLIED_BY_FULL.includes(flag);
}

/** Graph's `resetScope` string for these flags ("Watermark, Escrows" style), or undefined for none. */
export function resetScopeValue(flags: readonly RestartFlag[]): string | undefined {
  const chosen = new Set(flags);
  const ordered = RESTART_FLAGS.filter((flag) => chosen.has(flag) && !isImpliedByFull(chosen, flag));
  return ordered.length ? ordered.join(", ") : undefined;
}

/**
 * The restart request body. No flags: `{"criteria":{}}` — the reset scope left empty, which "emulates the
 * Restart provisioning option in the Microsoft Entra admin center" (≈ QuarantineState, Watermark, Escrows).
 * The property is omitted rather than sent as "" so that no enum parser has to accept an empty string.
 */
export function restartBody(flags: readonly RestartFlag[]): { criteria: { resetScope?: string } } {
  const resetScope = resetScopeValue(flags);
  return { criteria: resetScope ? { resetScope } : {} };
}
