/**
 * The address bar for state that lives in the URL (searches, filters) on the same page. Next's router takes native
 * history calls into `useSearchParams` (and Back and Forward) without asking the server: no page here reads its
 * search params on the server, and `router.replace` / `router.push` would fetch the page's RSC payload again for
 * every change, during which Next leaves the document without its <title> (vercel/next.js#65872; axe caught it on
 * the mappings page).
 */

/** In place of the current entry (a search as you type). */
export function replaceUrl(href: string): void {
  window.history.replaceState(null, "", href);
}

/** As a new entry, so Back returns to what was there before (filters applied with a button). */
export function pushUrl(href: string): void {
  window.history.pushState(null, "", href);
}
