/**
 * One polite live region for lifecycle results, directly under <body>: it outlives the job card (a delete
 * removes the card; on a job page the console moves to the service principal) and is shared by every job's
 * controls, so each result is announced once.
 */
const ANNOUNCER_ID = "job-lifecycle-announcer";

export function ensureAnnouncer(): HTMLElement | null {
  if (typeof document === "undefined") return null;
  let region = document.getElementById(ANNOUNCER_ID);
  if (!region) {
    region = document.createElement("div");
    region.id = ANNOUNCER_ID;
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.setAttribute("aria-atomic", "true");
    region.dataset.testid = "lifecycle-announcer";
    region.className = "sr-only";
    document.body.append(region);
  }
  return region;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Replaces the region's text; cleared first so that the same words twice are announced twice. */
export function announce(text: string): void {
  const region = ensureAnnouncer();
  if (!region) return;
  clearTimeout(timer);
  region.textContent = "";
  timer = setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/**
 * After a change removed the focused control (a deleted card, a lifted quarantine banner), puts focus on the
 * job's card if it is still there, else on the page's main region, instead of leaving it on <body>.
 */
export function recoverFocus(jobId: string): void {
  if (typeof document === "undefined") return;
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  const card = document.querySelector<HTMLElement>(`article[data-job-id="${CSS.escape(jobId)}"]`);
  const target = card ?? document.querySelector<HTMLElement>("main") ?? null;
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
}
