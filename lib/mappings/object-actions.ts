import type { ObjectFlowTypes } from "@microsoft/microsoft-graph-types-beta";
import type { Parsed } from "@/lib/jobs/vocabulary";
import { parseObjectFlowType } from "./vocabulary";

/** What an object mapping may do to target objects, from `flowTypes`. */
export interface ObjectActionsView {
  /** Known flags in Graph's order (Add, Update, Delete), then unknown ones as sent. */
  flags: Parsed<ObjectFlowTypes>[];
  /** "Create, Update, Delete". */
  text: string;
  /** The schema did not say: Graph's documented default (Add, Update, Delete) applies. */
  graphDefault: boolean;
}

const ORDER: readonly string[] = ["None", "Add", "Update", "Delete"];
const GRAPH_DEFAULT = "Add, Update, Delete";

/** `"Add,Update,Delete"` (flags, comma-separated, spaces optional) → Create, Update, Delete. */
export function toObjectActions(flowTypes: unknown): ObjectActionsView {
  const sent = parseFlags(typeof flowTypes === "string" ? flowTypes : flowTypes === null || flowTypes === undefined ? "" : String(flowTypes));
  const graphDefault = sent.length === 0;
  const flags = graphDefault ? parseFlags(GRAPH_DEFAULT) : sent;
  const rank = (flag: Parsed<ObjectFlowTypes>) => (flag.known ? ORDER.indexOf(flag.code) : ORDER.length);
  // "None" beside real flags adds nothing (it is the empty set).
  const shown = (flags.length > 1 ? flags.filter((flag) => flag.code !== "None") : flags).sort((a, b) => rank(a) - rank(b));
  return { flags: shown, text: shown.map((flag) => flag.label).join(", "), graphDefault };
}

/** Each flag once (case-insensitively), empty ones skipped. */
function parseFlags(text: string): Parsed<ObjectFlowTypes>[] {
  const seen = new Set<string>();
  return text
    .split(",")
    .map((flag) => parseObjectFlowType(flag))
    .filter((flag) => {
      const key = flag.raw.toLowerCase();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
