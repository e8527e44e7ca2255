import type { Filter } from "@microsoft/microsoft-graph-types-beta";
import { describe, expect, it } from "vitest";
import { describeClause, describeScope, formatValue } from "./scope-sentence";

const clause = (sourceOperandName: string, operatorName: string, values: string[] = []) => ({ sourceOperandName, operatorName, targetOperand: { values } });
const sentences = (scope: Filter | null | undefined) => describeScope(scope).groups.map((group) => group.text);

describe("describeScope", () => {
  it("joins one group's clauses with and", () => {
    const scope = { groups: [{ name: "Sales", clauses: [clause("department", "EQUALS", ["Sales"]), clause("accountEnabled", "IS TRUE")] }] };
    expect(sentences(scope)).toEqual(["department EQUALS Sales and accountEnabled IS TRUE"]);
    expect(describeScope(scope).groups[0].title).toBe("Sales");
  });

  it("keeps each group apart (any group may match), titled by its name", () => {
    const scope = {
      groups: [
        { name: "Sales", clauses: [clause("department", "EQUALS", ["Sales"])] },
        { name: null, clauses: [clause("jobTitle", "REGEX MATCH", ["^Contract.*"])] },
      ],
    };
    expect(describeScope(scope).groups.map((group) => [group.title, group.text])).toEqual([
      ["Sales", "department EQUALS Sales"],
      [null, "jobTitle REGEX MATCH ^Contract.*"],
    ]);
  });

  it("gives unary operators no value, even when values were sent", () => {
    expect(describeClause(clause("accountEnabled", "IS FALSE", ["true"])).text).toBe("accountEnabled IS FALSE");
    expect(describeClause(clause("manager", "IS NULL")).text).toBe("manager IS NULL");
    expect(describeClause(clause("mail", "is not null"))).toMatchObject({ text: "mail IS NOT NULL", unary: true, known: true });
  });

  it("joins several values with commas, quoting those with spaces, commas or nothing", () => {
    expect(describeClause(clause("department", "EQUALS", ["Sales", "Human Resources", ""])).text).toBe('department EQUALS Sales, "Human Resources", ""');
    expect(formatValue("R&D, Paris")).toBe('"R&D, Paris"');
    expect(formatValue("^\\d+$")).toBe("^\\d+$");
  });

  it("shows an unknown operator as sent, with its values", () => {
    expect(describeClause(clause("employeeId", "Greater_Than", ["1000"]))).toMatchObject({ text: "employeeId Greater_Than 1000", known: false, unary: false });
    expect(describeClause(clause("employeeId", "IS ODD"))).toMatchObject({ text: "employeeId IS ODD", known: false });
  });

  it("says what is missing instead of dropping a clause", () => {
    expect(describeClause({ operatorName: "EQUALS", targetOperand: null }).text).toBe("(no attribute) EQUALS (no value)");
    expect(describeClause({ sourceOperandName: "department" }).text).toBe("department (no operator)");
  });

  it("has no groups without a scope, without groups or with only empty groups", () => {
    for (const scope of [null, undefined, {}, { groups: [] }, { groups: [{ name: "empty", clauses: [] }, { name: "none" }] }]) {
      expect(sentences(scope as Filter), JSON.stringify(scope)).toEqual([]);
    }
  });

  it("describes the experimental filter sets apart from the scoping filter", () => {
    const scope = { groups: null, inputFilterGroups: [{ name: "Early", clauses: [clause("userType", "NOT EQUALS", ["Guest"])] }] };
    const view = describeScope(scope);
    expect(view.groups).toEqual([]);
    expect(view.inputGroups.map((group) => group.text)).toEqual(["userType NOT EQUALS Guest"]);
    expect(view.categoryGroups).toEqual([]);
  });
});
