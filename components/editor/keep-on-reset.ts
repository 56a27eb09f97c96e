"use client";

import { useEffect, type RefObject } from "react";

/**
 * React resets a form after its action returns, and a reset puts every <select> back on its first
 * option: React keeps no `defaultSelected` for a controlled select (textareas keep theirs). This puts
 * the select back on `value` right after the reset, so a refused publish keeps what was chosen.
 */
export function useKeepOnReset(ref: RefObject<HTMLSelectElement | null>, value: string) {
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    // The reset event comes before the reset itself: restore on the next frame.
    const restore = () =>
      requestAnimationFrame(() => {
        if (ref.current) ref.current.value = value;
      });
    form.addEventListener("reset", restore);
    return () => form.removeEventListener("reset", restore);
  }, [ref, value]);
}
