import type { EntryIdView } from "@/lib/logs/entry-view";
import { CopyButton } from "@/components/ui/copy-button";

/** Every id of the entry with a copy button: what Microsoft support asks for (the change ID first). */
export function LogEntryIds({ ids }: { ids: EntryIdView[] }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]" data-testid="logs-ids">
      {ids.map((id) => (
        <div key={id.key} className="contents" data-id-key={id.key}>
          <dt className="text-xs font-medium text-slate-600 sm:pt-0.5">{id.label}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code className="break-all font-mono text-xs text-slate-900">{id.value}</code>
            <CopyButton text={id.value} label={`Copy ${id.label}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
