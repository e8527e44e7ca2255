import type { SynchronizationTemplate } from "@microsoft/microsoft-graph-types-beta";

/** The provisioning connectors (synchronization templates) this service principal offers. */
export function TemplateList({ templates }: { templates: SynchronizationTemplate[] }) {
  if (templates.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid="no-templates">
        This application has no provisioning connector: Microsoft Graph offers no synchronization templates for it, so
        jobs cannot be created here.
      </p>
    );
  }
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="Synchronization templates">
      {templates.map((template) => (
        <li key={template.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="template">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-semibold">{template.id}</span>
            {template.default ? (
              <span className="rounded bg-brand-100 px-1.5 py-0.5 text-xs font-medium text-brand-900">Default</span>
            ) : null}
          </p>
          <p className="mt-1 text-sm text-slate-700">{template.description || "No description."}</p>
          <p className="mt-1 text-xs text-slate-600">
            Factory tag <span className="font-mono">{template.factoryTag ?? "—"}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
