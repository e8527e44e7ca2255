import type { Page } from "@playwright/test";

/**
 * From now on, the URLs of the RSC payloads the page fetches for soft navigations (Next's `rsc: 1` requests that
 * are not prefetches of links on the page): state that lives in the URL must change it without one.
 */
export function recordSoftNavigations(page: Page): string[] {
  const navigations: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers.rsc === "1" && !headers["next-router-prefetch"]) navigations.push(request.url());
  });
  return navigations;
}
