import type { ModifiedPropertyView } from "@/lib/logs/entry-view";

function Value({ value }: { value: string | null }) {
  if (value === null) return <span className="text-slate-500">(none)</span>;
  if (value === "") return <span className="text-slate-500">(empty)</span>;
  return <span className="whitespace-pre-wrap break-all font-mono text-xs">{value}</span>;
}

/** The attributes a change touched, old value → new value, as Graph sent them. */
export function ModifiedProperties({ properties }: { properties: ModifiedPropertyView[] }) {
  if (properties.length === 0) return <p className="text-sm text-slate-700">This change modified no properties.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="logs-modified-properties">
        <caption className="sr-only">Modified properties: old and new values</caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-semibold">Property</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">Old value</th>
            <th scope="col" className="px-3 py-1.5 font-semibold">
              <span aria-hidden="true">→ </span>New value
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {properties.map((property, index) => (
            <tr key={`${property.name}-${index}`} data-property={property.name}>
              <th scope="row" className="break-all px-3 py-1.5 font-mono text-xs font-medium text-slate-900">
                {property.name}
              </th>
              <td className="px-3 py-1.5">
                <Value value={property.oldValue} />
              </td>
              <td className="px-3 py-1.5">
                <Value value={property.newValue} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
