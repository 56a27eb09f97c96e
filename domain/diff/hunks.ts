// Turns the engine's equal/delete/insert runs into what a diff page shows: unified hunks with
// context, the unchanged gaps between them (collapsed on the page), and side-by-side rows.
// Built from the runs directly — re-diffing with jsdiff.structuredPatch would throw away the engine.
import type { DiffRun } from "./engine";

export const CONTEXT_LINES = 3;

/** One row of a unified diff. `a`/`b` are 0-based line numbers on the old/new side. */
export type UnifiedLine =
  | { kind: "context"; a: number; b: number }
  | { kind: "delete"; a: number }
  | { kind: "insert"; b: number };

export type Hunk = {
  /** 0-based first line and line count on each side, as in `@@ -aStart+1,aCount +bStart+1,bCount @@`. */
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
  lines: UnifiedLine[];
  changed: number;
};

/** Unchanged lines between hunks (or before the first / after the last), collapsed on the page. */
export type Gap = { aStart: number; bStart: number; count: number };

export type Segment = { type: "hunk"; hunk: Hunk } | { type: "gap"; gap: Gap };

export function hunkHeader(h: Hunk): string {
  const side = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  return `@@ -${side(h.aStart, h.aCount)} +${side(h.bStart, h.bCount)} @@`;
}

/**
 * The file as alternating gaps and hunks. Equal runs longer than 2×context split hunks; their
 * middle becomes a gap. Leading and trailing equal lines beyond the context are gaps too.
 */
export function buildSegments(runs: DiffRun[], context = CONTEXT_LINES): Segment[] {
  const segments: Segment[] = [];
  let hunk: Hunk | null = null;
  const open = (a: number, b: number): Hunk => {
    hunk = { aStart: a, aCount: 0, bStart: b, bCount: 0, lines: [], changed: 0 };
    segments.push({ type: "hunk", hunk });
    return hunk;
  };
  const addContext = (h: Hunk, a: number, b: number, count: number) => {
    for (let k = 0; k < count; k++) h.lines.push({ kind: "context", a: a + k, b: b + k });
    h.aCount += count;
    h.bCount += count;
  };
  // Position on each side, kept so that inserts know their `a` and deletes their `b`.
  let a = 0;
  let b = 0;
  runs.forEach((run, index) => {
    if (run.op === "equal") {
      const first = index === 0;
      const last = index === runs.length - 1;
      const head = first ? 0 : Math.min(context, run.count); // trailing context of the open hunk
      const tail = last ? 0 : Math.min(context, run.count - head); // leading context of the next
      const middle = run.count - head - tail;
      if (hunk && head > 0) addContext(hunk, run.aStart, run.bStart, head);
      if (middle > 0 || first) {
        if (middle > 0)
          segments.push({
            type: "gap",
            gap: { aStart: run.aStart + head, bStart: run.bStart + head, count: middle },
          });
        hunk = null;
      }
      if (!last) {
        const h: Hunk = hunk ?? open(run.aStart + head + middle, run.bStart + head + middle);
        addContext(h, run.aStart + head + middle, run.bStart + head + middle, tail);
      }
      a = run.aStart + run.count;
      b = run.bStart + run.count;
      return;
    }
    const h: Hunk = hunk ?? open(a, b);
    if (run.op === "delete") {
      for (let k = 0; k < run.count; k++) h.lines.push({ kind: "delete", a: run.aStart + k });
      h.aCount += run.count;
      a = run.aStart + run.count;
    } else {
      for (let k = 0; k < run.count; k++) h.lines.push({ kind: "insert", b: run.bStart + k });
      h.bCount += run.count;
      b = run.bStart + run.count;
    }
    h.changed += run.count;
  });
  return segments;
}

/** A side-by-side row: a line on the left, the right, or both. */
export type SplitRow =
  | { kind: "context"; a: number; b: number }
  | { kind: "change"; a: number | null; b: number | null };

/** Pairs each block of deletions with the insertions that follow it, row by row. */
export function splitRows(lines: UnifiedLine[]): SplitRow[] {
  const rows: SplitRow[] = [];
  let dels: number[] = [];
  let ins: number[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(dels.length, ins.length); k++) {
      rows.push({ kind: "change", a: dels[k] ?? null, b: ins[k] ?? null });
    }
    dels = [];
    ins = [];
  };
  for (const line of lines) {
    if (line.kind === "delete") {
      if (ins.length > 0) flush(); // a delete after inserts starts a new block
      dels.push(line.a);
    } else if (line.kind === "insert") ins.push(line.b);
    else {
      flush();
      rows.push(line);
    }
  }
  flush();
  return rows;
}
