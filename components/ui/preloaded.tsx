"use client";

import { useEffect, useState, type ComponentType } from "react";

/**
 * A component kept out of the page's first-load JS but fetched right away, in parallel with sign-in and the
 * page's Graph round trip: its chunk starts downloading when this module runs in the browser, so it is
 * usually there before the data it needs. Renders `Fallback` (same props) until it is; no Suspense, so an
 * already-loaded component renders in the same pass as its siblings (no flash, no layout shift).
 */
export function preloaded<P extends object>(load: () => Promise<ComponentType<P>>, Fallback: ComponentType<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later mount tries again
        throw error;
      },
    ));
  if (typeof window !== "undefined") start().catch(() => undefined);

  function Preloaded(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      let live = true;
      start().then(
        (component) => live && setComponent(() => component),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : <Fallback {...props} />;
  }
  return Preloaded;
}
