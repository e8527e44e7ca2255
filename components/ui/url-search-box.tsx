"use client";

import { useEffect, useId, useRef, useState } from "react";

const DEBOUNCE_MS = 300;

/**
 * A search field whose text lives in the URL (`?q=`), so a search can be shared and survives reloads: `onSearch`
 * puts it there after a pause in typing, or at once on Enter. When the URL changes under it (back, forward, a
 * "Clear search" elsewhere) it shows the URL's text, unless that is what is being typed.
 */
export function UrlSearchBox({
  value,
  onSearch,
  label,
  placeholder,
  help,
  maxLength = 120,
  testId,
  id: givenId,
}: {
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder?: string;
  /** A line under the field on what it searches. */
  help?: string;
  maxLength?: number;
  testId?: string;
  /** The field's id, when something else moves focus to it. */
  id?: string;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function commit(next: string) {
    clearTimeout(timer.current);
    const trimmed = next.trim();
    if (trimmed !== value) onSearch(trimmed);
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
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
        }}
        className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm"
        data-testid={testId}
      />
      {help ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-700">
          {help}
        </p>
      ) : null}
    </form>
  );
}
