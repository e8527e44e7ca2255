import { isServer, QueryClient } from "@tanstack/react-query";

const newQueryClient = () =>
  // The Graph gateway already retries what is safe to retry (429/503 with Retry-After).
  new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false } } });

let tabClient: QueryClient | undefined;

/** The tab's one query cache, shared by React and the page's reads started before it (lib/prefetch); a new one per server render. */
export function consoleQueryClient(): QueryClient {
  if (isServer) return newQueryClient();
  tabClient ??= newQueryClient();
  return tabClient;
}
