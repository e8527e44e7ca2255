import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BusyButton } from "./busy-button";

describe("BusyButton", () => {
  it("is an enabled button with its label when idle", () => {
    expect(renderToStaticMarkup(<BusyButton busy={false} busyLabel="Checking…" className="c">Check</BusyButton>)).toBe('<button type="button" class="c">Check</button>');
  });

  it("is disabled and says what is going on while busy, passing other attributes through", () => {
    expect(renderToStaticMarkup(<BusyButton busy busyLabel="Scanning…" aria-busy>Rescan</BusyButton>)).toBe('<button type="button" disabled="" aria-busy="true">Scanning…</button>');
  });
});
