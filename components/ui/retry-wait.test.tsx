import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RetryWait } from "./retry-wait";

describe("RetryWait", () => {
  it("counts down in whole seconds, singular at one", () => {
    expect(renderToStaticMarkup(<RetryWait secondsLeft={9} className="mt-2 text-sm" testId="retry-wait" />)).toBe(
      '<p class="mt-2 text-sm" data-testid="retry-wait">You can try again in <span class="tabular-nums">9</span> seconds.</p>',
    );
    expect(renderToStaticMarkup(<RetryWait secondsLeft={1} testId="lifecycle-retry-wait" />)).toBe(
      '<p data-testid="lifecycle-retry-wait">You can try again in <span class="tabular-nums">1</span> second.</p>',
    );
  });

  it("renders nothing once the wait is over", () => {
    expect(renderToStaticMarkup(<RetryWait secondsLeft={0} testId="retry-wait" />)).toBe("");
  });
});
