// Cuts one rendered line into pieces that each carry one colour (from the highlighter) and whether
// it lies inside an intra-line change, so both can be shown at once.
import type { Ranges } from "./intra-line";

export type Piece = {
  text: string;
  color?: string;
  italic?: boolean;
  bold?: boolean;
  changed: boolean;
};
/** A run of text in one colour (what the syntax highlighter returns). */
export type Token = { content: string; color?: string; italic?: boolean; bold?: boolean };

export function lineSegments(
  line: string,
  tokens: Token[] | null | undefined,
  ranges: Ranges | undefined,
): Piece[] {
  // Tokens must cover the line exactly; anything else (a capped or missing tokenisation) is plain.
  const usable =
    tokens && tokens.reduce((n, t) => n + t.content.length, 0) === line.length
      ? tokens
      : [{ content: line }];
  const cuts = new Set<number>();
  for (const [s, e] of ranges ?? []) cuts.add(s).add(e);
  const pieces: Piece[] = [];
  let pos = 0;
  let r = 0;
  const inRange = (at: number) => {
    while (ranges && r < ranges.length && ranges[r]![1] <= at) r++;
    return !!ranges && r < ranges.length && ranges[r]![0] <= at;
  };
  for (const token of usable) {
    const end = pos + token.content.length;
    let from = pos;
    for (let at = pos + 1; at <= end; at++) {
      if (at === end || cuts.has(at)) {
        const text = line.slice(from, at);
        if (text)
          pieces.push({
            text,
            color: token.color,
            italic: token.italic,
            bold: token.bold,
            changed: inRange(from),
          });
        from = at;
      }
    }
    pos = end;
  }
  return pieces;
}
