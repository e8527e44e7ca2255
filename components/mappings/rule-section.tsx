import type { RuleView } from "@/lib/mappings/mapping-view";
import { ObjectMappingSection } from "./object-mapping-section";

/** One synchronization rule (one direction: source directory → target directory) and its object mappings. */
export function RuleSection({ rule, searching }: { rule: RuleView; searching: boolean }) {
  const headingId = `rule-${rule.key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const directions = rule.sourceDirectory || rule.targetDirectory ? `${rule.sourceDirectory ?? "Unnamed directory"} → ${rule.targetDirectory ?? "Unnamed directory"}` : null;
  return (
    <section aria-labelledby={headingId} className="space-y-4" data-testid="synchronization-rule" data-rule-name={rule.name ?? ""}>
      <h2 id={headingId} className="text-lg font-semibold">
        {directions ?? rule.name ?? "Unnamed rule"}
        {directions && rule.name ? (
          <>
            {" "}
            <span className="ml-1 font-mono text-xs font-normal text-slate-600">{rule.name}</span>
          </>
        ) : null}
      </h2>
      {rule.objectMappings.length === 0 && !searching ? <p className="text-sm text-slate-700">This rule has no object mappings: it provisions nothing.</p> : null}
      {rule.objectMappings.map((mapping) => (
        <ObjectMappingSection key={mapping.key} mapping={mapping} rule={rule} idPrefix={headingId} />
      ))}
    </section>
  );
}
