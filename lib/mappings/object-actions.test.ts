import { describe, expect, it } from "vitest";
import { toObjectActions } from "./object-actions";

describe("toObjectActions", () => {
  it("names the flags as actions, with or without spaces after the commas", () => {
    expect(toObjectActions("Add, Update, Delete")).toMatchObject({ text: "Create, Update, Delete", graphDefault: false });
    expect(toObjectActions("Add,Update,Delete").text).toBe("Create, Update, Delete");
    expect(toObjectActions("Update").text).toBe("Update");
  });

  it("puts known flags in Graph's order, each once, case-insensitively", () => {
    expect(toObjectActions("delete, ADD, add").text).toBe("Create, Delete");
  });

  it("uses Graph's default when the schema does not say, and says so", () => {
    for (const missing of [undefined, null, "", " , "]) {
      expect(toObjectActions(missing), String(missing)).toMatchObject({ text: "Create, Update, Delete", graphDefault: true });
    }
  });

  it("shows unknown flags as sent, after the known ones", () => {
    const actions = toObjectActions("Archive, Add");
    expect(actions.text).toBe("Create, Archive");
    expect(actions.flags.map((flag) => flag.code)).toEqual(["Add", "unknown"]);
  });

  it("reads None as no action, and drops it beside real flags", () => {
    expect(toObjectActions("None").text).toBe("None");
    expect(toObjectActions("None, Update").text).toBe("Update");
  });
});
