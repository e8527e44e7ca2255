/**
 * Puts `href` (same page, other search params) in the address bar in place of the current entry. Next's router
 * takes native history calls into `useSearchParams` without asking the server: no page here reads its search
 * params on the server, and `router.replace` would fetch the page's RSC payload again for every search, during
 * which Next leaves the document without its <title> (vercel/next.js#65872; axe caught it on the mappings page).
 */
export function replaceUrl(href: string): void {
  window.history.replaceState(null, "", href);
}
