"use client";

import { useEffect, useRef, useState } from "react";
import { MAX_QUERY_LENGTH } from "@/lib/mappings/search";

const DEBOUNCE_MS = 300;

/** The search field; its text reaches the URL (`?q=`) after a pause in typing, or at once on Enter. */
export function MappingsSearch({ id, value, onSearch }: { id: string; value: string; onSearch: (query: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The URL changed under us (back/forward, Clear search): show its search unless it is what is being typed.
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    if (next.trim() !== value) onSearch(next.trim());
  }

  return (
    <form
      role="search"
      aria-label="Search the attribute mappings"
      onSubmit={(event) => {
        event.preventDefault();
        commit(text);
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        Search attribute mappings
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={MAX_QUERY_LENGTH}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. mail"
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
        }}
        className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm shadow-sm"
        data-testid="mappings-search"
      />
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-700">
        Target attributes, sources (attribute, constant or expression) and default values; not case-sensitive.
      </p>
    </form>
  );
}
