/**
 * The bearer token the SCIM target accepts when none is configured (`SCIM_TARGET_TOKEN`, `startScimTarget({ token })`).
 * It is public on purpose: the target is a local test double, listening on loopback unless told otherwise.
 */
export const SCIM_TARGET_DEMO_TOKEN = "scim-target-demo-token";

/** What a start prints of the token: the public demo token itself, never a token of the user's own. */
export const tokenLine = (token: string) => `Secret token: ${token === SCIM_TARGET_DEMO_TOKEN ? token : "the value of SCIM_TARGET_TOKEN"}`;
