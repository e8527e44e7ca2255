import { describe, expect, it } from "vitest";
import { compileFilter } from "./filter";
import { GROUP, USER } from "./schema";

/** The filter grammar (RFC 7644 §3.4.2.2, Figure 1) as compiled against the scimmy schemas, without HTTP. */
const alice = { id: "1", userName: "DOMAIN\\alice", title: 'The "Boss"', displayName: "A (b) c", emails: [{ value: "a@x.com", type: "work" }] };
const matches = (expression: string, data: Record<string, unknown> = alice) => compileFilter(expression, USER).test(data);
const invalid = (expression: string) => {
  try {
    compileFilter(expression, USER);
  } catch (error) {
    return (error as { scimType?: string }).scimType;
  }
  return "accepted";
};

describe("filter grammar", () => {
  it("reads string values as JSON strings: escaped backslashes and quotes, parentheses inside quotes", () => {
    expect(matches('userName eq "domain\\\\ALICE"')).toBe(true);
    expect(matches('title eq "the \\"boss\\""')).toBe(true);
    expect(matches('displayName eq "a (b) c"')).toBe(true);
    expect(matches('(displayName eq "a (b) c")')).toBe(true);
    expect(invalid('userName eq "DOMAIN\\alice"')).toBe("invalidFilter");
  });

  it("nests groups and negations as written", () => {
    expect(matches('((userName pr) and (not (title eq "x" or displayName eq "y")))')).toBe(true);
    expect(matches('not (not (userName pr))')).toBe(true);
    expect(matches('not (userName pr and title pr)')).toBe(false);
    expect(invalid('not userName pr')).toBe("invalidFilter");
  });

  it("compares the value of a complex attribute given without sub-attribute, and refuses nested value paths", () => {
    expect(matches('emails eq "A@X.COM"')).toBe(true);
    expect(invalid('emails[value[type eq "x"]]')).toBe("invalidFilter");
    expect(invalid('name eq "x"')).toBe("invalidFilter");
  });

  it("uses the resource type's own schema", () => {
    expect(compileFilter('members eq "1"', GROUP).test({ displayName: "g", members: [{ value: "1", type: "User" }] })).toBe(true);
    expect(invalid('members eq "1"')).toBe("invalidFilter");
  });

  it("gives index keys only when every match must have one", () => {
    expect(compileFilter('userName eq "Bob" and active eq true', USER).keys).toEqual([{ attribute: "userName", value: "bob" }]);
    expect(compileFilter('id eq "1" or externalId eq "E"', USER).keys).toEqual([{ attribute: "id", value: "1" }, { attribute: "externalId", value: "E" }]);
    expect(compileFilter('userName eq "a" or title eq "b"', USER).keys).toBeUndefined();
    expect(compileFilter('not (userName eq "a")', USER).keys).toBeUndefined();
  });
});
