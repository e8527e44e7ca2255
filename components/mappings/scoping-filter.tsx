import type { ClauseView, GroupView, ScopeView } from "@/lib/mappings/scope-sentence";
import { NO_SCOPING_FILTER, SCOPE_OUTSIDE_SCHEMA } from "@/lib/mappings/scope-sentence";

/** The clause as its sentence reads, attribute and values monospaced: the element's text is the sentence. */
function Clause({ clause }: { clause: ClauseView }) {
  return (
    <>
      <code className="font-mono text-[0.8125rem]">{clause.attribute}</code>{" "}
      <span className="font-semibold" data-operator-known={String(clause.known)}>
        {clause.operator}
      </span>
      {clause.values.length ? (
        <>
          {" "}
          <code className="break-all font-mono text-[0.8125rem]">{clause.valueText}</code>
        </>
      ) : clause.valueText ? (
        ` ${clause.valueText}`
      ) : null}
    </>
  );
}

function Sentence({ group, testId }: { group: GroupView; testId?: string }) {
  return (
    <p data-testid={testId}>
      {group.clauses.map((clause, index) => (
        <span key={index}>
          {index > 0 ? " and " : null}
          <Clause clause={clause} />
        </span>
      ))}
    </p>
  );
}

/** Groups as a list: an object is in scope when any one holds, so they read "… or …". */
function Groups({ groups, testId }: { groups: GroupView[]; testId?: string }) {
  return (
    <ol className="space-y-2">
      {groups.map((group, index) => (
        <li key={group.key} className="text-sm">
          {index > 0 ? <span className="block text-xs font-semibold uppercase text-slate-600">or</span> : null}
          {group.title ? <span className="block font-medium text-slate-900">{group.title}</span> : null}
          <Sentence group={group} testId={testId} />
        </li>
      ))}
    </ol>
  );
}

/** One object mapping's scoping filter in sentences; the experimental filter sets too when the schema has them. */
export function ScopingFilter({ scope }: { scope: ScopeView }) {
  const scoped = scope.groups.length > 0;
  return (
    <div className="space-y-2" data-testid="scoping-filter" data-groups={scope.groups.length}>
      <h4 className="text-sm font-semibold">
        Scoping filter
      </h4>
      {scoped ? (
        <>
          <p className="text-sm text-slate-700">{scope.groups.length > 1 ? "An object is in scope when all the conditions of any one group hold:" : "An object is in scope when all these conditions hold:"}</p>
          <Groups groups={scope.groups} testId="scoping-sentence" />
        </>
      ) : (
        <p className="text-sm" data-testid="scoping-sentence">
          {NO_SCOPING_FILTER}
        </p>
      )}
      {scope.inputGroups.length ? (
        <>
          <p className="text-sm text-slate-700">Input filter (experimental): objects that fail it are not read at all, and are not deprovisioned when they stop matching.</p>
          <Groups groups={scope.inputGroups} />
        </>
      ) : null}
      {scope.categoryGroups.length ? (
        <>
          <p className="text-sm text-slate-700">Category filter (experimental): decides which objects this mapping processes.</p>
          <Groups groups={scope.categoryGroups} />
        </>
      ) : null}
      <p className="text-xs text-slate-600">{SCOPE_OUTSIDE_SCHEMA}</p>
    </div>
  );
}
