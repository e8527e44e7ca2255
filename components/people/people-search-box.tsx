"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { routes } from "@/lib/routes";

const DEBOUNCE_MS = 300;

/** The people search; its text lives in the URL (`/people?q=`), so a search can be shared and survives reloads. */
export function PeopleSearchBox({ value }: { value: string }) {
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The URL changed under us (back/forward): show its search unless it is what is being typed.
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed !== value) router.replace(routes.people(trimmed), { scroll: false });
  }

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        commit(text);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Search people by the start of their name, user principal name or email, or paste an object id
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Megan"
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
        }}
        className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm"
        data-testid="people-search"
      />
    </form>
  );
}
