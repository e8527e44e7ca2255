import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, MAX_RECORDS, RequestLog } from "./request-log";

describe("request log", () => {
  it("keeps the newest 5,000 records", () => {
    const log = new RequestLog("tok");
    for (let i = 0; i < MAX_RECORDS + 10; i++) log.add("GET", `/scim/v2/Users?i=${i}`, 200, undefined, 0);
    const records = log.records();
    expect(records).toHaveLength(MAX_RECORDS);
    expect(records[0].path).toBe("/scim/v2/Users?i=10");
    expect(records.at(-1)!.path).toBe(`/scim/v2/Users?i=${MAX_RECORDS + 9}`);
  });

  it("keeps at most MAX_BODY_CHARS of bodies, dropping the oldest records", () => {
    const log = new RequestLog("tok");
    const size = 1024 * 1024;
    for (let i = 0; i < 20; i++) log.add("POST", "/scim/v2/Users", 201, { i }, size);
    expect(log.records()).toHaveLength(Math.floor(MAX_BODY_CHARS / size));
    expect(log.records().at(-1)!.body).toEqual({ i: 19 });
  });

  it("redacts the token (raw or percent-encoded) and password values, PatchOp ones included", () => {
    const token = "a+b/c=";
    const log = new RequestLog(token);
    log.add("GET", `/scim/v2/Users?x=${encodeURIComponent(token)}&y=${token}`, 401, undefined, 0);
    log.add("PATCH", "/scim/v2/Users/1", 200, { Operations: [{ op: "replace", path: "password", value: "p1" }, { op: "add", value: { Password: "p2", note: `t=${token}` } }] }, 10);
    expect(log.records()).toEqual([
      { method: "GET", path: "/scim/v2/Users?x=[redacted]&y=[redacted]", status: 401 },
      { method: "PATCH", path: "/scim/v2/Users/1", status: 200, body: { Operations: [{ op: "replace", path: "password", value: "[redacted]" }, { op: "add", value: { Password: "[redacted]", note: "t=[redacted]" } }] } },
    ]);
    log.clear();
    expect(log.records()).toEqual([]);
  });
});
