import type { SynchronizationSchema } from "@microsoft/microsoft-graph-types-beta";

/** What a job synchronizes: its directories and, per rule, which objects map to which and how. */
export function SchemaSummary({ schema }: { schema: SynchronizationSchema }) {
  const directories = schema.directories ?? [];
  const rules = schema.synchronizationRules ?? [];
  return (
    <div className="space-y-4">
      <div>
        <h3 className="font-semibold">Directories</h3>
        {directories.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {directories.map((directory) => (
              <li key={directory.id ?? directory.name}>
                {directory.name} — {directory.objects?.length ?? 0} object types
                {directory.objects?.length ? ` (${directory.objects.map((o) => o.name).join(", ")})` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-700">No directories are defined.</p>
        )}
      </div>
      {rules.map((rule) => (
        <div key={rule.id ?? rule.name}>
          <h3 className="font-semibold">
            {rule.sourceDirectoryName} → {rule.targetDirectoryName}
            <span className="ml-2 font-mono text-xs font-normal text-slate-600">{rule.name}</span>
          </h3>
          <table className="mt-1 w-full text-left text-sm">
            <caption className="sr-only">
              Object mappings from {rule.sourceDirectoryName} to {rule.targetDirectoryName}
            </caption>
            <thead className="text-slate-700">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Mapping</th>
                <th scope="col" className="py-1 pr-4 font-medium">Objects</th>
                <th scope="col" className="py-1 pr-4 font-medium">Actions</th>
                <th scope="col" className="py-1 pr-4 font-medium">Attributes</th>
                <th scope="col" className="py-1 font-medium">Enabled</th>
              </tr>
            </thead>
            <tbody>
              {(rule.objectMappings ?? []).map((mapping) => (
                <tr key={`${mapping.sourceObjectName}-${mapping.targetObjectName}-${mapping.name}`} className="border-t border-slate-100">
                  <td className="py-1 pr-4">{mapping.name}</td>
                  <td className="py-1 pr-4">
                    {mapping.sourceObjectName} → {mapping.targetObjectName}
                  </td>
                  <td className="py-1 pr-4">{mapping.flowTypes ?? "—"}</td>
                  <td className="py-1 pr-4 tabular-nums">{mapping.attributeMappings?.length ?? 0}</td>
                  <td className="py-1">{mapping.enabled ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
