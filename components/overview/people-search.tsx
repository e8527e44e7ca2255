"use client";

import { useRouter } from "next/navigation";
import { useId, type FormEvent } from "react";
import { routes } from "@/lib/routes";

/** "Find a person": goes to People with the search (`routes.people(q)`); a plain GET form without JavaScript. */
export function PeopleSearch() {
  const router = useRouter();
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    router.push(routes.people(q));
  }
  return (
    <form role="search" action={routes.people()} method="get" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="min-w-64 flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-900">
          Find a person
        </label>
        <input
          id={id}
          name="q"
          type="search"
          autoComplete="off"
          placeholder="Name, user principal name or email"
          className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          data-testid="overview-people-search"
        />
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        Search
      </button>
    </form>
  );
}
