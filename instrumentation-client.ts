import { AUTH_CONFIG_ELEMENT_ID, parseAuthConfig } from "@/lib/config/auth-config-element";

// Runs before React hydrates. On a console page (the layout wrote its sign-in config into it) MSAL's chunk
// loads and the page's first Graph reads start now, not once React has hydrated and rendered the page.
// Without the config (the sign-in bridge, or the document not parsed that far yet) the page starts them itself.
const config = parseAuthConfig(document.getElementById(AUTH_CONFIG_ELEMENT_ID)?.textContent);
if (config) {
  import("@/lib/prefetch/start-page-reads").then(({ startPageReads }) => startPageReads(config, window.location.pathname)).catch(() => {
    // The page's own start (ConsoleProviders) reports what failed.
  });
}
