import type { SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";
import { useId } from "react";

export interface TemplateChoicesProps {
  templates: SynchronizationTemplate[];
  selected: string;
  onSelect: (templateId: string) => void;
  /** How many jobs the service principal already has per template id. */
  jobCounts: Record<string, number>;
  disabled?: boolean;
  /** Ids of texts that explain the group (a problem, the read-only reason). */
  describedBy?: string;
}

/** The templates as radio choices in a fieldset: id, "Default", description, factory tag, existing jobs. */
export function TemplateChoices({ templates, selected, onSelect, jobCounts, disabled, describedBy }: TemplateChoicesProps) {
  const id = useId();
  return (
    <fieldset className="space-y-2" disabled={disabled} aria-describedby={describedBy}>
      <legend className="mb-2 text-sm font-semibold text-slate-900">Template</legend>
      {templates.map((template, index) => {
        const templateId = template.id ?? "";
        const inputId = `${id}-${index}`;
        const existing = jobCounts[templateId] ?? 0;
        return (
          <div
            key={templateId}
            className={`flex gap-3 rounded-md border p-3 ${selected === templateId ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
            data-testid="template-choice"
            data-template-id={templateId}
          >
            <input
              type="radio"
              id={inputId}
              name="templateId"
              value={templateId}
              checked={selected === templateId}
              onChange={() => onSelect(templateId)}
              aria-describedby={`${inputId}-details`}
              className="mt-1 size-4 accent-brand-700"
            />
            <div className="min-w-0">
              <label htmlFor={inputId} className="flex flex-wrap items-center gap-2 font-mono text-sm font-semibold text-slate-900">
                {templateId}
                {template.default ? <span className="rounded bg-brand-100 px-1.5 py-0.5 font-sans text-xs font-medium text-brand-900">Default</span> : null}
              </label>
              <div id={`${inputId}-details`} className="mt-1 space-y-0.5 text-sm text-slate-700">
                <p>{template.description || "No description."}</p>
                <p className="text-xs text-slate-600">
                  Factory tag <span className="font-mono">{template.factoryTag || "—"}</span>
                  {existing ? (
                    <span className="ml-2 font-medium text-amber-800">
                      · {existing} job{existing === 1 ? "" : "s"} already use{existing === 1 ? "s" : ""} this template
                    </span>
                  ) : null}
                </p>
              </div>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The template to preselect: the default one, or the only one; none when the admin must choose. */
export function preselectedTemplate(templates: SynchronizationTemplate[]): string {
  const usable = templates.filter((template) => template.id);
  if (usable.length === 1) return usable[0].id!;
  return usable.find((template) => template.default === true)?.id ?? "";
}
