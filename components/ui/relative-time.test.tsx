import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toMoment } from "@/lib/jobs/moment";
import { RelativeTime } from "./relative-time";

const now = new Date("2026-11-29T12:00:00Z");

describe("RelativeTime", () => {
  it("renders a time element with the absolute time as its title", () => {
    expect(renderToStaticMarkup(<RelativeTime moment={toMoment("2026-11-29T09:00:00Z", now)} />)).toBe(
      '<time dateTime="2026-11-29T09:00:00.000Z" title="29 Nov 2026, 09:00:00 UTC">3 hours ago</time>',
    );
  });

  it("renders sentinels as plain words", () => {
    expect(renderToStaticMarkup(<RelativeTime moment={toMoment("0001-01-01T00:00:00Z", now)} />)).toBe("<span>Never</span>");
    expect(renderToStaticMarkup(<RelativeTime moment={toMoment("", now)} />)).toBe("<span>Not set</span>");
    expect(renderToStaticMarkup(<RelativeTime moment={toMoment(null, now, { unset: "No expiration" })} />)).toBe("<span>No expiration</span>");
  });
});
