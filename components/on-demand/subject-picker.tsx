"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState, type ReactNode } from "react";
import { SkeletonLines } from "@/components/ui/skeleton";
import type { DirectoryGroup, DirectoryUser } from "@/lib/graph/directory-search";
import { toErrorInfo } from "@/lib/graph/graph-error";
import { MAX_ON_DEMAND_MEMBERS } from "@/lib/on-demand/limits";
import type { SubjectChoice } from "@/lib/on-demand/subject-url";
import { queryKeys } from "@/lib/query/keys";
import { GraphErrorPanel } from "@/components/ui/graph-error-panel";
import { buttonStyles } from "@/components/jobs/lifecycle/modal-dialog";
import { DirectoryAccessProblem } from "./directory-access-problem";
import { useDirectorySearch, useGroupMembers } from "./use-directory";

const DEBOUNCE_MS = 300;

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

function LoadProblem({ error, what, onRetry }: { error: unknown; what: string; onRetry: () => void }) {
  const info = toErrorInfo(error);
  return info.kind === "forbidden" ? <DirectoryAccessProblem error={info} /> : <GraphErrorPanel error={info} action={what} onRetry={onRetry} />;
}

const userLine = (user: DirectoryUser) => [user.userPrincipalName, user.mail && user.mail !== user.userPrincipalName ? user.mail : null].filter(Boolean).join(" · ");

/** "Those users don't appear when you search" (provision-on-demand.md): on demand can't disable or delete users disabled in Entra ID. */
const DISABLED_NOTE = "Disabled in Microsoft Entra ID: provision on demand doesn't provision, disable or delete disabled users.";

/**
 * Who to provision: a user, or a group and up to 5 of its direct members (the portal's choice). Search by the start
 * of a name, user principal name or email, or paste an object id. The choice itself lives in the URL (the parent).
 */
export function SubjectPicker({
  choice,
  onChoose,
  groups,
  disabled,
}: {
  choice: SubjectChoice;
  onChoose: (choice: SubjectChoice) => void;
  /** Why groups can't be chosen for this rule, or null when they can. */
  groups: { allowed: true } | { allowed: false; reason: string };
  disabled: boolean;
}) {
  const id = useId();
  const [kind, setKind] = useState<"user" | "group">(choice?.type ?? "user");
  const [text, setText] = useState("");
  const search = useDebounced(text);
  const queryClient = useQueryClient();
  const results = useDirectorySearch(kind === "user" ? "users" : "groups", choice ? "" : search);

  function choose(next: SubjectChoice, found?: DirectoryUser | DirectoryGroup) {
    // What was found is what a look-up by its id would answer: no second request for the chosen card.
    if (next && found) queryClient.setQueryData(queryKeys.directorySearch(next.type === "user" ? "users" : "groups", next.id), [found]);
    setText("");
    onChoose(next);
  }

  if (choice?.type === "user") return <ChosenUser id={choice.id} onChange={() => choose(null)} disabled={disabled} />;
  if (choice?.type === "group") return <ChosenGroup choice={choice} onChoose={choose} disabled={disabled} />;

  return (
    <div className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Provision</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name={`${id}-kind`} checked={kind === "user"} onChange={() => setKind("user")} data-testid="on-demand-kind-user" />
            A user
          </label>
          <label className="inline-flex items-center gap-2">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === "group"}
              onChange={() => setKind("group")}
              disabled={!groups.allowed}
              aria-describedby={groups.allowed ? undefined : `${id}-no-groups`}
              data-testid="on-demand-kind-group"
            />
            A group, and up to {MAX_ON_DEMAND_MEMBERS} of its members
          </label>
        </div>
        {groups.allowed ? null : (
          <p id={`${id}-no-groups`} className="text-sm text-slate-700">
            {groups.reason}
          </p>
        )}
      </fieldset>
      <div role="search">
        <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-800">
          {kind === "user" ? "Search users by the start of their name, user principal name or email, or paste an object id" : "Search groups by the start of their name, or paste an object id"}
        </label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          maxLength={120}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
          className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm"
          data-testid="on-demand-search"
        />
      </div>
      <SearchResults kind={kind} search={search} results={results} onChoose={choose} />
    </div>
  );
}

function SearchResults({
  kind,
  search,
  results,
  onChoose,
}: {
  kind: "user" | "group";
  search: string;
  results: ReturnType<typeof useDirectorySearch<"users" | "groups">>;
  onChoose: (choice: SubjectChoice, found: DirectoryUser | DirectoryGroup) => void;
}) {
  if (!search.trim()) return null;
  if (results.isPending) return <SkeletonLines lines={3} label="Searching…" />;
  if (results.isError) return <LoadProblem error={results.error} what={`search ${kind === "user" ? "users" : "groups"}`} onRetry={() => void results.refetch()} />;
  const found = results.data;
  return (
    <div aria-live="polite">
      {found.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="on-demand-no-match">
          No {kind === "user" ? "user" : "group"} starts with “{search.trim()}”. Try the first name, the last name, the start of the user principal name, or the object id.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label={`${kind === "user" ? "Users" : "Groups"} found`}>
          {found.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="on-demand-search-result" data-id={item.id}>
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{item.displayName ?? item.id}</span>
                <span className="block break-all text-xs text-slate-600">
                  {"userPrincipalName" in item ? userLine(item) : ((item as DirectoryGroup).description ?? "")}
                  {"accountEnabled" in item && item.accountEnabled === false ? ` · ${DISABLED_NOTE}` : ""}
                </span>
              </span>
              <button
                type="button"
                disabled={"accountEnabled" in item && item.accountEnabled === false}
                onClick={() => onChoose(kind === "user" ? { type: "user", id: item.id } : { type: "group", id: item.id, memberIds: [] }, item)}
                className={`${buttonStyles.base} ${buttonStyles.secondary}`}
              >
                Choose<span className="sr-only"> {item.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChosenCard({ title, detail, onChange, disabled, children }: { title: string; detail: string; onChange: () => void; disabled: boolean; children?: ReactNode }) {
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="on-demand-chosen">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{title}</p>
          <p className="break-all text-xs text-slate-600">{detail}</p>
        </div>
        <button type="button" onClick={onChange} disabled={disabled} className={`${buttonStyles.base} ${buttonStyles.secondary}`} data-testid="on-demand-change">
          Choose someone else
        </button>
      </div>
      {children}
    </div>
  );
}

function ChosenUser({ id, onChange, disabled }: { id: string; onChange: () => void; disabled: boolean }) {
  const user = useDirectorySearch("users", id);
  if (user.isPending) return <SkeletonLines lines={2} label="Loading the user…" />;
  if (user.isError) return <LoadProblem error={user.error} what="load the user" onRetry={() => void user.refetch()} />;
  const [found] = user.data;
  if (!found) {
    return (
      <ChosenCard title="User not found" detail={`No user has the object id ${id}. It may have been deleted.`} onChange={onChange} disabled={false}>
        <span data-testid="on-demand-not-found" />
      </ChosenCard>
    );
  }
  return (
    <ChosenCard title={found.displayName ?? found.id} detail={[userLine(found), found.accountEnabled === false ? DISABLED_NOTE : null].filter(Boolean).join(" · ")} onChange={onChange} disabled={disabled} />
  );
}

function ChosenGroup({ choice, onChoose, disabled }: { choice: Extract<SubjectChoice, { type: "group" }>; onChoose: (choice: SubjectChoice) => void; disabled: boolean }) {
  const group = useDirectorySearch("groups", choice.id);
  const members = useGroupMembers(choice.id);
  if (group.isPending) return <SkeletonLines lines={2} label="Loading the group…" />;
  if (group.isError) return <LoadProblem error={group.error} what="load the group" onRetry={() => void group.refetch()} />;
  const [found] = group.data;
  if (!found) return <ChosenCard title="Group not found" detail={`No group has the object id ${choice.id}. It may have been deleted.`} onChange={() => onChoose(null)} disabled={false} />;
  const chosen = new Set(choice.memberIds);
  const full = chosen.size >= MAX_ON_DEMAND_MEMBERS;
  const toggle = (memberId: string) =>
    onChoose({ ...choice, memberIds: chosen.has(memberId) ? choice.memberIds.filter((idOf) => idOf !== memberId) : [...choice.memberIds, memberId] });
  return (
    <ChosenCard title={found.displayName ?? found.id} detail={found.description ?? "Group"} onChange={() => onChoose(null)} disabled={disabled}>
      {members.isPending ? (
        <SkeletonLines lines={3} label="Loading the group's members…" />
      ) : members.isError ? (
        <LoadProblem error={members.error} what="load the group's members" onRetry={() => void members.refetch()} />
      ) : members.data.members.length === 0 ? (
        <p className="text-sm text-slate-700" data-testid="on-demand-no-members">
          This group has no user members of its own. Provision on demand doesn&apos;t reach users through nested groups: choose a group they are direct members of.
        </p>
      ) : (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">
            Members to provision with the group: <span data-testid="on-demand-member-count">{chosen.size}</span> of at most {MAX_ON_DEMAND_MEMBERS} chosen
          </legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {members.data.members.map((member) => {
              const isDisabled = member.accountEnabled === false;
              return (
                <li key={member.id}>
                  <label className="inline-flex items-start gap-2 text-sm" data-testid="on-demand-member" data-id={member.id}>
                    <input
                      type="checkbox"
                      checked={chosen.has(member.id)}
                      disabled={disabled || isDisabled || (full && !chosen.has(member.id))}
                      onChange={() => toggle(member.id)}
                      className="mt-1"
                    />
                    <span>
                      {member.displayName ?? member.id}
                      <span className="block break-all text-xs text-slate-600">{isDisabled ? DISABLED_NOTE : member.userPrincipalName}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          {full ? <p className="text-sm text-slate-700">That is the most provision on demand takes at a time: clear one to choose another.</p> : null}
          {members.data.more ? <p className="text-sm text-slate-700">The group has more members than are listed here; provision the others in another run.</p> : null}
        </fieldset>
      )}
    </ChosenCard>
  );
}
