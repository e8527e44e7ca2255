import type { AttributeRowView, SourceView } from "@/lib/mappings/attribute-row";
import type { ObjectMappingView } from "@/lib/mappings/mapping-view";

const CELL = "px-3 py-2 align-top";
const MONO = "break-all font-mono text-[0.8125rem]";

/** A dash for sighted readers, words for screen readers. */
function Nothing({ words }: { words: string }) {
  return (
    <>
      <span aria-hidden="true" className="text-slate-500">
        —
      </span>
      <span className="sr-only">{words}</span>
    </>
  );
}

/** Quotes show where a constant or default value starts and ends (spaces and "" are values). */
const quoted = (value: string) => `"${value}"`;

function Source({ source }: { source: SourceView }) {
  switch (source.kind) {
    case "attribute":
      return <code className={MONO}>{source.text}</code>;
    case "constant":
      return (
        <>
          <span className="text-xs text-slate-600">Constant</span>{" "}
          <code className={MONO}>{quoted(source.text)}</code>
        </>
      );
    case "expression":
      return (
        <>
          <span className="text-xs text-slate-600">{source.unknownType ? `${source.unknownType} (as sent)` : "Expression"}</span>{" "}
          <code className={`${MONO} whitespace-pre-wrap`}>{source.text}</code>
        </>
      );
    case "none":
      return <Nothing words="No source" />;
  }
}

function Row({ row }: { row: AttributeRowView }) {
  return (
    <tr className="border-t border-slate-100" data-testid="attribute-mapping-row" data-target={row.targetAttribute ?? ""}>
      <th scope="row" className={`${CELL} font-normal`}>
        {row.targetAttribute ? <code className={`${MONO} font-medium text-slate-900`}>{row.targetAttribute}</code> : <span className="text-slate-600">(no target attribute)</span>}
      </th>
      <td className={CELL} data-source-kind={row.source.kind}>
        <Source source={row.source} />
      </td>
      <td className={CELL} data-matching={row.matchingPrecedence ?? ""}>
        {row.matchingPrecedence !== null ? `Matching, precedence ${row.matchingPrecedence}` : <Nothing words="Not used for matching" />}
      </td>
      <td className={CELL} data-flow-type={row.apply.code}>
        {row.apply.label}
        {row.exportBehavior ? <span className="block text-xs text-slate-600">{row.exportBehavior.label}</span> : null}
      </td>
      <td className={CELL}>{row.defaultValue !== null ? <code className={MONO}>{quoted(row.defaultValue)}</code> : <Nothing words="None" />}</td>
    </tr>
  );
}

/** An object mapping's attribute mappings, in the schema's order: target ← source, matching, when applied, default. Headers use the Entra admin center's words. */
export function AttributeTable({ mapping, title }: { mapping: ObjectMappingView; title: string }) {
  if (mapping.attributes.length === 0) return <p className="text-sm text-slate-700">This object mapping maps no attributes.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="mb-2 text-left text-sm font-semibold">
          Attribute mappings<span className="sr-only"> of {title}</span>
        </caption>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Target attribute</th>
            <th scope="col" className="px-3 py-2 font-semibold">Source</th>
            <th scope="col" className="px-3 py-2 font-semibold">Matching</th>
            <th scope="col" className="px-3 py-2 font-semibold">Apply this mapping</th>
            <th scope="col" className="px-3 py-2 font-semibold">Default value if null</th>
          </tr>
        </thead>
        <tbody>
          {mapping.attributes.map((row) => (
            <Row key={row.key} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
