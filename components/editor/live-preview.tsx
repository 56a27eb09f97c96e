"use client";

import { useEffect, useRef, useState } from "react";
import { livePreviewAction } from "@/app/(account)/editor-actions";
import { PreviewFrame } from "@/components/artifact/preview-frame";
import { hasPreview, languageInfo } from "@/domain/languages";
import type { PreviewPayload } from "@/lib/preview/messages";

/** Quiet time after the last keystroke before the preview follows. */
export const PREVIEW_DEBOUNCE_MS = 400;

type Shown = { rev: number; payload: PreviewPayload | null };

/**
 * The preview beside the editor: after each pause in typing, the server builds the same payload
 * the artifact page posts (lib/preview/payload.ts) and a fresh PreviewFrame — the artifact page's
 * component, on the preview origin, in the same sandbox — runs it. A fresh frame per update,
 * because the frame runs one render and keeps its state (timers, globals) for good.
 */
export function LivePreview({
  language,
  code,
  previewOrigin,
  initialPayload,
}: {
  language: string;
  code: string;
  previewOrigin: string;
  /** The opened version's payload, built with the page: the preview shows at once on /edit. */
  initialPayload?: PreviewPayload | null;
}) {
  const previewable = hasPreview(language);
  const key = `${language}\u0000${code}`;
  const [shown, setShown] = useState<Shown>({ rev: 0, payload: initialPayload ?? null });
  // What the shown frame (or the last problem) answers: a newer key is "updating".
  const [settled, setSettled] = useState(initialPayload !== undefined ? key : "");
  const [problem, setProblem] = useState<string | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    if (!previewable || key === settled) return;
    const id = ++sequence.current;
    const timer = window.setTimeout(async () => {
      let result: Awaited<ReturnType<typeof livePreviewAction>>;
      try {
        result = await livePreviewAction({ language, code });
      } catch {
        result = {
          status: "error",
          message: "The preview could not be updated. Check your connection.",
        };
      }
      if (id !== sequence.current) return; // a newer edit is already on its way
      setSettled(key);
      if (result.status === "success") {
        setProblem(null);
        setShown({ rev: id, payload: (result.data as PreviewPayload | null | undefined) ?? null });
      } else if (result.status === "error") {
        setProblem(result.message); // the last good preview stays; the next change tries again
      }
    }, PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [language, code, key, settled, previewable]);

  const pending = key !== settled;

  if (!previewable) {
    return (
      <section aria-label="Live preview" className={boxClass}>
        <p className="text-sm text-zinc-600">
          {languageInfo(language).name} has no live preview: the artifact page shows it as code.
        </p>
      </section>
    );
  }
  return (
    <div className="min-w-0 space-y-2" data-testid="live-preview">
      <p className="flex items-center gap-2 text-xs text-zinc-600" aria-hidden>
        <span
          className={`size-2 rounded-full ${pending ? "animate-pulse bg-amber-500" : "bg-emerald-500"}`}
        />
        {pending ? "Updating the preview…" : "Live preview · follows your typing"}
      </p>
      {problem && (
        <p
          role="status"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {problem}
        </p>
      )}
      {shown.payload ? (
        <PreviewFrame
          key={shown.rev}
          previewOrigin={previewOrigin}
          payload={shown.payload}
          title="your code"
        />
      ) : (
        <section aria-label="Live preview" className={boxClass}>
          <p className="text-sm text-zinc-600">
            Type or paste code, or start from a template: it runs here as you write.
          </p>
        </section>
      )}
    </div>
  );
}

const boxClass =
  "grid min-h-40 place-items-center rounded-lg border border-dashed border-zinc-300 bg-zinc-50 p-6 text-center";
