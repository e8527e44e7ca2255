import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CopyButton } from "./copy-button";

describe("CopyButton", () => {
  it("is a native button named by its label, with an empty polite live region ready", () => {
    const html = renderToStaticMarkup(<CopyButton text="abc" label="Copy job ID" />);
    expect(html).toMatch(/<button type="button" aria-label="Copy job ID"[^>]*>Copy<\/button>/);
    expect(html).toMatch(/<span role="status" aria-live="polite"[^>]*><\/span>/);
  });

  it("can show its label as the button text", () => {
    const html = renderToStaticMarkup(<CopyButton text="abc" label="Copy link" showLabel />);
    expect(html).toMatch(/<button type="button" class="[^"]*">Copy link<\/button>/);
  });
});
