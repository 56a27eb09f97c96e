"use client";

import { useState } from "react";

/**
 * Copies the code shown in the CodeView with id `targetId`. It reads the rendered lines (without
 * their numbers) instead of taking the code as a prop, so the page does not carry the code twice.
 */
export function CopyButton({ targetId }: { targetId: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <button
      type="button"
      className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
      onClick={async () => {
        try {
          const lines =
            document.getElementById(targetId)?.querySelectorAll("[data-code-line]") ?? [];
          const text = Array.from(lines, (line) => line.textContent ?? "").join("");
          await navigator.clipboard.writeText(text);
          setCopied("done");
        } catch {
          setCopied("failed");
        }
        setTimeout(() => setCopied("idle"), 2000);
      }}
    >
      <span aria-live="polite">
        {copied === "done" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
      </span>
    </button>
  );
}
