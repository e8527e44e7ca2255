/** The console's top-level navigation, in display order. */
export const NAV_LINKS = [
  { href: "/", label: "Overview" },
  { href: "/service-principals", label: "Service principals" },
  { href: "/jobs", label: "Jobs" },
  { href: "/people", label: "People" },
  { href: "/logs", label: "Logs" },
] as const;
