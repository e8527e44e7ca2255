"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 300;

/** Search by display name; the text lives in the URL (`?q=`) so a search can be shared and survives reloads. */
export function SearchBox({ value }: { value: string }) {
  const router = useRouter();
  const pathname = usePathname();
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
    if (trimmed === value) return;
    router.replace(trimmed ? `${pathname}?q=${encodeURIComponent(trimmed)}` : pathname, { scroll: false });
  }

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        commit(text);
      }}
    >
      <label htmlFor="sp-search" className="block text-sm font-medium text-slate-800">
        Search by display name
      </label>
      <input
        id="sp-search"
        type="search"
        value={text}
        maxLength={120}
        autoComplete="off"
        placeholder="e.g. Salesforce"
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
        }}
        className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 shadow-sm"
      />
    </form>
  );
}
