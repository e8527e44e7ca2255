/** Provision on demand's documented limits (provision-on-demand.md; the provisionOnDemand API page). */

/** "The on-demand provisioning request API can only accept a single group with up to 5 members at a time." */
export const MAX_ON_DEMAND_MEMBERS = 5;

/** "The rate limit for this API is 5 requests per 10 seconds." */
export const ON_DEMAND_RATE = { requests: 5, seconds: 10 } as const;
