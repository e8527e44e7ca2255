import { QueryClient, QueryObserver, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refreshJobsOf } from "./invalidate";
import { queryKeys } from "./keys";

const SP = "sp-1";
const OTHER = "sp-2";
const JOB = "BoxOutDelta.1";

function cached(keys: QueryKey[]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { cached: true });
  return client;
}

const invalidated = (client: QueryClient, key: QueryKey) => client.getQueryState(key)?.isInvalidated;

describe("refreshJobsOf", () => {
  it("marks every read that shows the SP's jobs stale, and nothing of another SP", async () => {
    const mine = [
      queryKeys.servicePrincipalOverview(SP),
      queryKeys.jobs(SP),
      queryKeys.job(SP, JOB),
      queryKeys.jobOverview(SP, JOB),
      queryKeys.jobsOfServicePrincipals([OTHER, SP]),
      queryKeys.fleet(),
    ];
    const others = [queryKeys.servicePrincipalOverview(OTHER), queryKeys.jobs(OTHER), queryKeys.jobsOfServicePrincipals([OTHER]), queryKeys.servicePrincipals("")];
    const client = cached([...mine, ...others]);
    await refreshJobsOf(client, SP);
    for (const key of mine) expect(invalidated(client, key), JSON.stringify(key)).toBe(true);
    for (const key of others) expect(invalidated(client, key), JSON.stringify(key)).toBe(false);
  });

  it("after a delete, marks the deleted job's reads stale without refetching them", async () => {
    const client = new QueryClient();
    let jobFetches = 0;
    let listFetches = 0;
    const job = new QueryObserver(client, { queryKey: queryKeys.job(SP, JOB), queryFn: async () => ++jobFetches, staleTime: Infinity });
    const list = new QueryObserver(client, { queryKey: queryKeys.jobs(SP), queryFn: async () => ++listFetches, staleTime: Infinity });
    const stop = [job.subscribe(() => {}), list.subscribe(() => {})];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([jobFetches, listFetches]).toEqual([1, 1]);

    await refreshJobsOf(client, SP, { deletedJobId: JOB });
    expect([jobFetches, listFetches]).toEqual([1, 2]);
    expect(invalidated(client, queryKeys.job(SP, JOB))).toBe(true);

    await refreshJobsOf(client, SP);
    expect([jobFetches, listFetches]).toEqual([2, 3]);
    for (const unsubscribe of stop) unsubscribe();
  });
});
