"use client";

import { useId, useRef, useState } from "react";
import { EMBED_DEFAULT_SIZE, embedSnippet } from "@/domain/embed";

type Props = {
  title: string;
  isPublic: boolean;
  versionIndex: number;
  link: string;
  embedSrc: string;
  pinnedEmbedSrc: string;
};

function CopyField({
  label,
  value,
  multiline,
}: {
  label: string;
  value: string;
  multiline?: boolean;
}) {
  const id = useId();
  const [state, setState] = useState<"idle" | "done" | "failed">("idle");
  const field =
    "w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs text-zinc-800";
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800">
          {label}
        </label>
        <button
          type="button"
          className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              setState("done");
            } catch {
              setState("failed");
            }
            setTimeout(() => setState("idle"), 2000);
          }}
        >
          <span aria-live="polite">
            {state === "done"
              ? "Copied"
              : state === "failed"
                ? "Copy failed"
                : `Copy ${label.toLowerCase()}`}
          </span>
        </button>
      </div>
      {multiline ? (
        <textarea
          id={id}
          readOnly
          rows={4}
          value={value}
          className={field}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : (
        <input
          id={id}
          readOnly
          value={value}
          className={field}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

/**
 * "Share / Embed": the link, and for public artifacts the iframe snippet (optionally pinned to the
 * version on screen, so later edits do not change what a blog shows). A native <dialog>: focus is
 * trapped and Escape closes it without any code of ours.
 */
export function ShareDialog({
  title,
  isPublic,
  versionIndex,
  link,
  embedSrc,
  pinnedEmbedSrc,
}: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [pinned, setPinned] = useState(false);
  const snippet = embedSnippet({
    src: pinned ? pinnedEmbedSrc : embedSrc,
    title,
    ...EMBED_DEFAULT_SIZE,
  });
  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50"
      >
        Share / Embed
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="share-embed-title"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 shadow-xl backdrop:bg-black/40"
      >
        <div className="space-y-4 p-5">
          <div className="flex items-start justify-between gap-4">
            <h2 id="share-embed-title" className="text-lg font-semibold">
              Share / Embed
            </h2>
            <button
              type="button"
              onClick={() => dialogRef.current?.close()}
              className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100"
            >
              Close
            </button>
          </div>
          <CopyField label="Link" value={link} />
          {isPublic ? (
            <>
              <CopyField label="Embed code" value={snippet} multiline />
              <label className="flex items-center gap-2 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  checked={pinned}
                  onChange={(e) => setPinned(e.target.checked)}
                />
                Pin to v{versionIndex} (the embed keeps showing this version after later edits)
              </label>
              <p className="text-xs text-zinc-500">
                Paste the code into any page. Sites that support oEmbed (WordPress, Ghost, Notion…)
                only need the link.
              </p>
            </>
          ) : (
            <p className="text-sm text-zinc-600">
              Only public artifacts can be embedded. Make it public in its settings to get an embed
              code.
            </p>
          )}
        </div>
      </dialog>
    </>
  );
}
