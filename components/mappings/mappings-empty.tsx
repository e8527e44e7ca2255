/** Nothing matches the search: says so and offers everything again. */
export function MappingsEmpty({ query, onClear }: { query: string; onClear: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-700" data-testid="mappings-empty">
      <p>
        No attribute mapping matches <q className="font-medium text-slate-900">{query}</q>: no target attribute, source or default value contains it.
      </p>
      <button type="button" onClick={onClear} className="mt-3 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
        Clear search
      </button>
    </div>
  );
}
