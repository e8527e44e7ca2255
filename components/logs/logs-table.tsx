import type { LogsPage } from "./use-provisioning-logs";
import { LogsPageRows } from "./logs-page-rows";

/** Every loaded entry, newest first, one tbody per Graph page; fixed layout so appending a page never re-measures the rows above. */
export function LogsTable({ pages, pathname, search, openEntryId, showApp }: { pages: LogsPage[]; pathname: string; search: string; openEntryId: string | null; showApp: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[44rem] table-fixed text-left text-sm" data-testid="logs-list">
        <caption className="sr-only">Provisioning log entries, newest first</caption>
        <colgroup>
          <col className="w-32" />
          <col />
          <col className="w-32" />
          <col className="w-28" />
          {showApp ? <col className="w-40" /> : null}
          <col className="w-44" />
        </colgroup>
        <thead className="bg-slate-100 text-slate-800">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">When</th>
            <th scope="col" className="px-3 py-2 font-semibold">Object</th>
            <th scope="col" className="px-3 py-2 font-semibold">Action</th>
            <th scope="col" className="px-3 py-2 font-semibold">Status</th>
            {showApp ? <th scope="col" className="px-3 py-2 font-semibold">App</th> : null}
            <th scope="col" className="px-3 py-2 font-semibold">Error code</th>
          </tr>
        </thead>
        {pages.map((page, index) => (
          <LogsPageRows
            key={index}
            entries={page.value}
            pathname={pathname}
            search={search}
            openEntryId={openEntryId !== null && page.value.some((entry) => entry.id === openEntryId) ? openEntryId : null}
            showApp={showApp}
          />
        ))}
      </table>
    </div>
  );
}
