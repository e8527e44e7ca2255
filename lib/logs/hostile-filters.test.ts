import { describe, expect, it } from "vitest";
import { compileFilter } from "@/lib/emulator/logs/filter";
import { PROVISIONING_FILTER_SCHEMA } from "@/lib/emulator/logs/provisioningLog";
import { HOSTILE_OPAQUE, HOSTILE_SP_IDS, HOSTILE_STRINGS } from "@/test/fixtures/bad-input-corpus";
import { LOG_PARAMS, parseEntryParam, parseLogFilters, type LogsScope } from "./filters";
import { toGraphFilter } from "./graph-filter";

const TENANT: LogsScope = { kind: "tenant" };
const NOW = new Date("2026-12-01T12:00:00Z");

/** Hostile URL values in every filter param: dropped, or sent as one literal that cannot end early. */
describe("logs filters against the hostile-input corpus", () => {
  const cases: [string, string, string][] = [
    ...Object.values(LOG_PARAMS).flatMap((param) => HOSTILE_STRINGS.map((c): [string, string, string] => [param, c.name, c.value])),
    ...HOSTILE_OPAQUE.map((c): [string, string, string] => [LOG_PARAMS.cycle, c.name, c.value]),
    ...HOSTILE_OPAQUE.map((c): [string, string, string] => [LOG_PARAMS.job, c.name, c.value]),
    ...HOSTILE_SP_IDS.map((c): [string, string, string] => [LOG_PARAMS.app, c.name, c.value]),
  ];

  it.each(cases)("?%s= %s", (param, _name, value) => {
    const { filters } = parseLogFilters(new URLSearchParams([[param, value]]), TENANT);
    const filter = toGraphFilter(filters, TENANT, NOW);
    // Graph's grammar (as the emulator parses it) reads the whole filter: no value ended its literal.
    if (filter) expect(() => compileFilter(filter, PROVISIONING_FILTER_SCHEMA.beta)).not.toThrow();
    // Outside the search, only codes, ids and times of a safe alphabet get through (surrounding spaces trimmed).
    for (const kept of Object.values(filters)) if (typeof kept === "string" && kept !== filters.search) expect(kept).toMatch(/^[A-Za-z0-9:._-]*$/);
  });

  it.each(HOSTILE_OPAQUE.map((c) => [c.name, c.value]))("?entry= %s", (_name, value) => {
    expect(() => parseEntryParam(new URLSearchParams([["entry", value]]))).not.toThrow();
  });
});
