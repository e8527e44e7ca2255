import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Typed secrets live only in the form's React state (issue 16): the files that hold or show them never reach
 * for the query cache, browser storage, the URL or a log. The e2e spec checks the running page; this keeps
 * the code honest between runs.
 */
const HOLDERS = ["use-configure-form.ts", "configure-draft.ts", "credential-input.tsx", "credentials-section.tsx", "configure-form.tsx", "test-connection.tsx", "save-result.tsx"];
const FORBIDDEN: [what: string, pattern: RegExp][] = [
  ["browser storage", /\b(localStorage|sessionStorage|indexedDB|document\.cookie)\b/],
  ["the query cache", /\b(setQueryData|setQueriesData|useMutation|useQuery)\b/],
  ["the URL", /\b(useSearchParams|router\.(push|replace)|history\.(push|replace)State|location\.(href|search|hash)\s*=)/],
  ["a log", /\bconsole\.\w+\(/],
];

describe("the Configure form keeps typed secrets in component state only", () => {
  it("lists every file of the folder it checks", () => {
    const sources = readdirSync(__dirname).filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name));
    expect(sources).toEqual(expect.arrayContaining(HOLDERS));
  });

  it.each(HOLDERS)("%s uses no cache, storage, URL or log", (file) => {
    const source = readFileSync(join(__dirname, file), "utf8");
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(source)).map(([what]) => what);
    expect(found).toEqual([]);
  });

  it("its inputs carry no name, so a form posted without JavaScript sends nothing", () => {
    for (const file of ["credential-input.tsx", "settings-section.tsx"]) {
      const inputs = readFileSync(join(__dirname, file), "utf8").match(/<input[\s\S]*?\/>/g) ?? [];
      expect(inputs.length).toBeGreaterThan(0);
      // Radio buttons need a group name; it names the group, never a value.
      for (const input of inputs.filter((tag) => !tag.includes('type="radio"'))) expect(input, file).not.toMatch(/\sname=/);
    }
  });
});
