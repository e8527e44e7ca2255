import { formatCount } from "@/lib/format/count";
import type { MappingsView, RuleView } from "./mapping-view";

/** Search within a job's mappings (`?q=`): in the browser only, the text never reaches Graph. */

export const MAX_QUERY_LENGTH = 200;

export interface MappingsSearchResult {
  /** The query as searched (trimmed); "" shows everything. */
  query: string;
  /** With a query: only object mappings with a matching row, only their matching rows, only rules left with one. */
  rules: RuleView[];
  matches: number;
  total: number;
}

/** `?q=` as searched: trimmed and bounded. */
export function normalizeQuery(raw: string | null | undefined): string {
  return (raw ?? "").trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/** Case-insensitive substring match on target attribute, source (attribute, constant, expression) and default value. */
export function searchMappings(view: MappingsView, rawQuery: string): MappingsSearchResult {
  const query = normalizeQuery(rawQuery);
  if (!query) return { query, rules: view.rules, matches: view.attributeCount, total: view.attributeCount };
  const needle = query.toLowerCase();
  let matches = 0;
  const rules: RuleView[] = [];
  for (const rule of view.rules) {
    const objectMappings = rule.objectMappings.flatMap((mapping) => {
      const attributes = mapping.attributes.filter((row) => row.searchText.includes(needle));
      matches += attributes.length;
      return attributes.length ? [{ ...mapping, attributes }] : [];
    });
    if (objectMappings.length) rules.push({ ...rule, objectMappings });
  }
  return { query, rules, matches, total: view.attributeCount };
}

const noun = (count: number) => (count === 1 ? "attribute mapping" : "attribute mappings");

/** "3 of 12 attribute mappings match", or without a query "12 attribute mappings". */
export function countText({ query, matches, total }: MappingsSearchResult): string {
  if (!query) return `${formatCount(total)} ${noun(total)}`;
  return `${formatCount(matches)} of ${formatCount(total)} ${noun(total)} ${matches === 1 ? "matches" : "match"}`;
}
