import type { CSSProperties } from "react";
import type { Token } from "./highlight";
import type { Ranges } from "./intra-line";
import { lineSegments } from "./line-segments";

/**
 * One line of code: syntax colours from the highlighter, and the words that changed inside a
 * changed line as <del>/<ins> (a tint plus the element's meaning, not colour alone).
 */
export function CodeText({
  text,
  tokens,
  ranges,
  side,
}: {
  text: string;
  tokens: Token[] | null | undefined;
  ranges?: Ranges;
  side: "delete" | "insert" | "context";
}) {
  if (text === "") return <span aria-hidden>{"\u200b"}</span>; // keeps an empty line one line tall
  return (
    <>
      {lineSegments(text, tokens, ranges).map((p, i) => {
        const style: CSSProperties | undefined = p.color
          ? { color: p.color, fontStyle: p.italic ? "italic" : undefined, fontWeight: p.bold ? 600 : undefined }
          : undefined;
        if (!p.changed) return <span key={i} style={style}>{p.text}</span>;
        return side === "delete" ? (
          <del key={i} className="rounded-sm bg-red-200/80 no-underline" style={style}>
            {p.text}
          </del>
        ) : (
          <ins key={i} className="rounded-sm bg-green-200/80 no-underline" style={style}>
            {p.text}
          </ins>
        );
      })}
    </>
  );
}

/** A line number that is also its own link (#F12 on the old side, #T12 on the new side). */
export function LineNumber({ id, n }: { id: string; n: number }) {
  return (
    <td
      id={id}
      className="scroll-mt-20 border-r border-zinc-200 px-2 text-right align-top text-zinc-400 select-none target:bg-amber-200 target:text-zinc-900"
    >
      <a href={`#${id}`} className="block hover:text-brand-700 hover:underline">
        {n}
      </a>
    </td>
  );
}

export function EmptyNumber() {
  return <td className="border-r border-zinc-200 bg-zinc-50" />;
}

const MARKERS = {
  delete: { sign: "−", label: "removed", cls: "text-red-700" },
  insert: { sign: "+", label: "added", cls: "text-green-700" },
  context: { sign: "", label: "", cls: "" },
} as const;

/** The +/− column: a visible sign, and words for screen readers. */
export function Marker({ kind }: { kind: "delete" | "insert" | "context" }) {
  const m = MARKERS[kind];
  return (
    <td className={`px-1 text-center align-top select-none ${m.cls}`}>
      {m.sign && <span aria-hidden>{m.sign}</span>}
      {m.label && <span className="sr-only">{m.label}</span>}
    </td>
  );
}

export const ROW_TINT = {
  delete: "bg-red-50",
  insert: "bg-green-50",
  context: "",
} as const;

export const CODE_CELL = "px-2 align-top whitespace-pre-wrap [overflow-wrap:anywhere]";
