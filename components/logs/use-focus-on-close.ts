"use client";

import { useEffect, useRef } from "react";

/** When the open entry is closed (Close, or Back), keyboard focus returns to its row. */
export function useFocusOnClose(entryId: string | null) {
  const previous = useRef(entryId);
  useEffect(() => {
    const closed = previous.current;
    previous.current = entryId;
    if (closed && !entryId) document.querySelector<HTMLElement>(`[data-testid="logs-row"][data-entry-id="${CSS.escape(closed)}"] a`)?.focus();
  }, [entryId]);
}
