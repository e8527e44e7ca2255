import { Fact } from "@/components/ui/fact";
import { StatusBadge } from "@/components/ui/status-badge";
import type { Parsed } from "@/lib/jobs/vocabulary";
import type { ObjectMappingView, RuleView } from "@/lib/mappings/mapping-view";
import { AttributeTable } from "./attribute-table";
import { ScopingFilter } from "./scoping-filter";

const ENABLED: Parsed<"enabled" | "disabled">[] = [
  { known: true, code: "enabled", raw: "true", label: "Enabled", tone: "success", meaning: "Processed during synchronization." },
  { known: true, code: "disabled", raw: "false", label: "Disabled", tone: "neutral", meaning: "Skipped during synchronization." },
];

const objectIn = (object: string | null, directory: string | null) => `${object ?? "Unnamed object"}${directory ? ` (${directory})` : ""}`;

/** One object mapping: what it maps to what, what it may do, its scoping filter and its attribute mappings. */
export function ObjectMappingSection({ mapping, rule, idPrefix }: { mapping: ObjectMappingView; rule: RuleView; idPrefix: string }) {
  const headingId = `${idPrefix}-mapping-${mapping.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const title = mapping.name ?? `${mapping.sourceObject ?? "Unnamed object"} → ${mapping.targetObject ?? "Unnamed object"}`;
  const enabled = ENABLED[mapping.enabled ? 0 : 1];
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6"
      data-testid="object-mapping"
      data-mapping-name={mapping.name ?? ""}
      data-enabled={String(mapping.enabled)}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="text-base font-semibold">
          {title}
        </h3>
        <StatusBadge term={enabled} />
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        <Fact term="Objects">
          {objectIn(mapping.sourceObject, rule.sourceDirectory)} → {objectIn(mapping.targetObject, rule.targetDirectory)}
        </Fact>
        <Fact term="Actions allowed">
          <span data-testid="mapping-actions">{mapping.actions.text}</span>
          {mapping.actions.graphDefault ? <span className="text-slate-600"> (Graph&apos;s default; the schema does not set them)</span> : null}
        </Fact>
        <Fact term="Matched on">
          {mapping.matching.length
            ? mapping.matching.map((row) => `${row.targetAttribute ?? "(no target attribute)"} (precedence ${row.matchingPrecedence})`).join(", then ")
            : "No matching attribute"}
        </Fact>
      </dl>
      <ScopingFilter scope={mapping.scope} />
      <AttributeTable mapping={mapping} title={title} />
    </section>
  );
}
