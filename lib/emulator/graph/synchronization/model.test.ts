import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_TYPES, SYNCHRONIZATION_SECRET_KEYS } from "./model";
import { SECRET_KEYS } from "./secrets";
import { endpointType, readSyncExcerpt, typeName, undeclaredProperties } from "@/test/support/csdl";
import { startTestEmulator, type TestEmulator } from "@/test/support/emulator";

const VERSIONS = ["v1.0", "beta"] as const;
const CSDL = { "v1.0": readSyncExcerpt("v1.0"), beta: readSyncExcerpt("beta") };

describe("model.ts is the CSDL's, nothing invented", () => {
  it.each(VERSIONS)("%s: the synchronizationSchema type tree, property by property", (version) => {
    const model = CSDL[version];
    for (const [name, properties] of Object.entries(SCHEMA_TYPES)) {
      const declared = Object.fromEntries([...model.properties(name)].map(([property, { type }]) => [property, type]));
      expect(properties, name).toEqual(declared);
      for (const type of Object.values(properties)) {
        const element = typeName(type.replace(/^Collection\((.+)\)$/, "$1"));
        if (model.types.has(element)) expect(SCHEMA_TYPES, `${name} → ${element}`).toHaveProperty(element);
      }
    }
  });

  it.each(VERSIONS)("%s: the synchronizationSecret members, and the masked ones among them", (version) => {
    expect(SYNCHRONIZATION_SECRET_KEYS).toEqual(CSDL[version].enums.get("synchronizationSecret")!.members);
    for (const key of SECRET_KEYS) expect(SYNCHRONIZATION_SECRET_KEYS).toContain(key);
  });
});

describe("every synchronization GET of the seed reads as its CSDL type", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ scale: 14 });
  });
  afterAll(() => emu.close());

  async function paths(version: string): Promise<string[]> {
    const result: string[] = [];
    for (const { id } of (await emu.call("GET", `/${version}/servicePrincipals?$top=999&$select=id`)).body.value) {
      const base = `/servicePrincipals/${id}/synchronization`;
      result.push(`${base}/jobs`, `${base}/templates`, `${base}/secrets`);
      for (const job of (await emu.call("GET", `/${version}${base}/jobs`)).body.value) {
        result.push(`${base}/jobs/${encodeURIComponent(job.id)}`, `${base}/jobs/${encodeURIComponent(job.id)}/schema`);
      }
      for (const template of (await emu.call("GET", `/${version}${base}/templates`)).body.value) {
        result.push(`${base}/templates/${encodeURIComponent(template.id)}`, `${base}/templates/${encodeURIComponent(template.id)}/schema`);
      }
    }
    return result;
  }

  async function problems(version: (typeof VERSIONS)[number], all: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const path of all) {
      const result = await emu.call("GET", `/${version}${path}`);
      expect(result.status, path).toBe(200);
      const unchecked = new Set<string>();
      const type = endpointType(CSDL[version], path);
      expect(type, path).not.toBeNull();
      found.push(...undeclaredProperties(CSDL[version], type!, result.body, undefined, unchecked).map((problem) => `${path} ${problem}`));
      expect([...unchecked], path).toEqual([]);
    }
    return found;
  }

  it.each(VERSIONS)("%s: as seeded, during initial cycles, in steady state and after quarantines back off", async (version) => {
    await emu.control("POST", "reset", { scale: 14 });
    const all = await paths(version);
    expect(all.length).toBeGreaterThan(100);
    expect(await problems(version, all)).toEqual([]);
    for (const path of all.filter((candidate) => /\/jobs\/[^/]+$/.test(candidate))) await emu.call("POST", `/${version}${path}/start`);
    for (const advance of ["PT3M", "PT45M", "P2D"]) {
      await emu.control("POST", "clock", { advance });
      expect(await problems(version, all), advance).toEqual([]);
    }
  });
});
