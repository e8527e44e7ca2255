"use client";

import { useQuery } from "@tanstack/react-query";
import { useGraph } from "@/components/graph/use-graph";
import { personTraceRead } from "@/lib/query/page-reads";

/** One person's trace, with the logs' token (one token, and one consent, serves the whole read). */
export function usePersonTrace(userId: string) {
  return useQuery(personTraceRead(useGraph("logs"), userId));
}
