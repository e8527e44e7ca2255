import { describe, expect, it } from "vitest";
import { encodeFleetEvent, readFleetEvents, type FleetEvent } from "./wire";

function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.slice(i, i + chunkSize));
      controller.close();
    },
  });
}

const events: FleetEvent[] = [
  { type: "progress", progress: { scanned: 20, seen: 999, listed: false, pages: 1, batchesDone: 1, jobsFound: 3 } },
  { type: "error", error: { kind: "throttled", status: 429, code: "TooManyRequests", message: "Zürich → 東京 ✓" } },
];

describe("readFleetEvents", () => {
  it("gives back every event in order, however the bytes are split (multi-byte characters included)", async () => {
    const bytes = new TextEncoder().encode(events.map(encodeFleetEvent).join(""));
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const read: FleetEvent[] = [];
      await readFleetEvents(streamOf(bytes, size), (event) => read.push(event));
      expect(read, `chunks of ${size}`).toEqual(events);
    }
  });

  it("reads a last line without a line break", async () => {
    const read: FleetEvent[] = [];
    await readFleetEvents(streamOf(new TextEncoder().encode(JSON.stringify(events[1])), 5), (event) => read.push(event));
    expect(read).toEqual([events[1]]);
  });

  it("refuses lines that are not fleet events", async () => {
    for (const line of ["<html>", '{"type":"result"}', '{"type":"other","scan":{}}', "[]"]) {
      await expect(readFleetEvents(streamOf(new TextEncoder().encode(`${line}\n`), 4), () => {}), line).rejects.toThrow(SyntaxError);
    }
  });
});
