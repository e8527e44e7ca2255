import { describe, expect, it } from "vitest";
import {
  credentialValueProblem,
  httpsUrlProblem,
  normalizeRecipients,
  parseThreshold,
  recipientsProblem,
  textProblem,
  THRESHOLD_PROBLEM,
  thresholdProblem,
} from "./value-rules";

describe("textProblem", () => {
  it("accepts printable text of any script, including markup (it is only ever shown as text)", () => {
    for (const value of ["s3cr3t-token-value", "Pässwörd-2026", "パスワード", "<script>alert(1)</script>", "' OR '1'='1", "a b", "x".repeat(4096)]) {
      expect(textProblem(value, "secret token")).toBeNull();
    }
  });

  it.each([
    ["over-long", "x".repeat(4097), /secret token is longer than 4,096 characters/],
    ["NUL", "a\u0000b", /control character/],
    ["a line break", "abc\n", /control character/],
    ["a tab", "a\tb", /control character/],
    ["CRLF", "a\r\nX-Injected: 1", /control character/],
    ["ANSI escape", "\u001b[31m", /control character/],
    ["C1 control", "a\u0085b", /control character/],
    ["line separator", "a\u2028b", /control character/],
    ["zero-width space", "\u200Btoken", /invisible/],
    ["right-to-left override", "\u202Etoken", /invisible/],
    ["byte order mark", "\uFEFFtoken", /invisible/],
    ["lone surrogate", "a\uD800b", /invisible/],
    ["leading space", " abc123", /starts or ends with a space/],
    ["trailing no-break space", "token\u00A0", /starts or ends with a space/],
  ])("refuses %s, naming the field and not the value", (_what, value, message) => {
    const problem = textProblem(value, "secret token");
    expect(problem).toMatch(message);
    expect(problem).toMatch(/^The secret token /);
    if (value.length > 3) expect(problem).not.toContain(value);
  });
});

describe("credentialValueProblem", () => {
  it("refuses the mask Graph shows for a saved secret", () => {
    expect(credentialValueProblem("*****", "Secret token")).toMatch(/only asterisks.*Type the real value/);
    expect(credentialValueProblem("ab*cd", "Secret token")).toBeNull();
  });
});

describe("httpsUrlProblem", () => {
  it("accepts https URLs, and http to this machine's loopback (a SCIM endpoint under development)", () => {
    for (const url of ["https://scim.example.com/v2", "https://SCIM.example.com/v2/", "https://bücher.example/scim", "https://10.0.0.1:8443/scim", "http://127.0.0.1:4020/scim/v2", "http://localhost:4020/scim/v2", "http://[::1]:4020/scim"]) {
      expect(httpsUrlProblem(url, "Tenant URL")).toBeNull();
    }
  });

  it.each([
    ["plain http", "http://scim.example.com/v2", /must start with https:\/\//],
    ["plain http to a private address", "http://10.0.0.1/scim", /only an endpoint on this machine \(127\.0\.0\.1, localhost\) may use http:\/\//],
    ["plain http to a look-alike host", "http://127.0.0.1.example.com/scim", /must start with https:\/\//],
    ["no scheme", "scim.example.com/v2", /full https:\/\/ address/],
    ["javascript:", "javascript:alert(1)", /must start with https/],
    ["script", "<script>alert(1)</script>", /full https:\/\/ address/],
    ["credentials in the URL", "https://admin:pw@scim.example.com/v2", /user name or password/],
    ["ftp", "ftp://scim.example.com", /must start with https/],
  ])("refuses %s", (_what, url, message) => {
    expect(httpsUrlProblem(url, "Tenant URL")).toMatch(message);
  });
});

describe("recipientsProblem", () => {
  it("accepts addresses separated by ; or , and normalizes them", () => {
    expect(recipientsProblem("admin@contoso.com", true)).toBeNull();
    expect(recipientsProblem(" a@contoso.com; b.c+d@fabrikam.co.uk , ", true)).toBeNull();
    expect(normalizeRecipients(" a@contoso.com; b.c+d@fabrikam.co.uk , ")).toBe("a@contoso.com;b.c+d@fabrikam.co.uk");
    expect(recipientsProblem("", false)).toBeNull();
  });

  it.each([
    ["empty while notifications are on", "", true, /Enter the email address/],
    ["no at sign", "admin", false, /is not an email address/],
    ["no domain dot", "admin@localhost", false, /not an email address/],
    ["script", "<script>alert(1)</script>@x.example", false, /not an email address/],
    ["the second of two", "a@x.example; nope", false, /2nd address/],
    ["a line break", "a@x.example\nBcc: evil@x.example", false, /control character/],
    ["eleven addresses", Array.from({ length: 11 }, (_, i) => `a${i}@x.example`).join(";"), false, /at most 10/],
    ["over-long", `${"a".repeat(2001)}@x.example`, false, /longer than 2,000/],
  ])("refuses %s", (_what, text, required, message) => {
    const problem = recipientsProblem(text, required);
    expect(problem).toMatch(message);
    if (text.length > 3) expect(problem).not.toContain(text);
  });
});

describe("thresholds", () => {
  it("is a whole number from 1 to 1,000,000", () => {
    for (const value of [1, 500, 1_000_000]) expect(thresholdProblem(value)).toBeNull();
    for (const value of [0, -1, 2.5, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY, "500", null, undefined]) expect(thresholdProblem(value)).toBe(THRESHOLD_PROBLEM);
  });

  it("parses what was typed, digits only", () => {
    expect(parseThreshold(" 500 ")).toBe(500);
    for (const text of ["", "5e2", "0x10", "1,000", "-5", "12a", "١٢"]) expect(parseThreshold(text)).toBeNaN();
  });
});
