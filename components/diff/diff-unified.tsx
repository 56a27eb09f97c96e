import { CODE_CELL, CodeText, LineNumber, Marker, ROW_TINT } from "./code-text";
import { hunkHeader, type Gap } from "./hunks";
import type { DiffView } from "./model";

type Props = { view: DiffView; aLines: string[]; bLines: string[]; caption: string };

function Cols() {
  return (
    <colgroup>
      <col className="w-12 sm:w-14" />
      <col className="w-12 sm:w-14" />
      <col className="w-6" />
      <col />
    </colgroup>
  );
}

const TABLE = "w-full table-fixed border-collapse font-mono text-[13px] leading-5";

export function UnifiedDiff({ view, aLines, bLines, caption }: Props) {
  return (
    <table className={TABLE}>
      <caption className="sr-only">{caption}</caption>
      <Cols />
      <thead className="sr-only">
        <tr>
          <th scope="col">Old line</th>
          <th scope="col">New line</th>
          <th scope="col">Change</th>
          <th scope="col">Code</th>
        </tr>
      </thead>
      {view.segments.map((s) =>
        s.type === "gap" ? (
          <UnifiedGap key={`g${s.gap.aStart}`} gap={s.gap} expandable={s.expandable} view={view} bLines={bLines} />
        ) : (
          <tbody key={`h${s.hunk.aStart}:${s.hunk.bStart}`}>
            <tr className="bg-brand-50/70 text-zinc-500">
              <td colSpan={4} className="px-2 py-1">
                {hunkHeader(s.hunk)}
              </td>
            </tr>
            {s.hunk.lines.map((l) => {
              const kind = l.kind;
              const text = kind === "insert" ? bLines[l.b]! : kind === "delete" ? aLines[l.a]! : bLines[l.b]!;
              const tokens = kind === "delete" ? view.tokensA?.[l.a] : view.tokensB?.[l.b];
              const ranges = kind === "delete" ? view.intra.a.get(l.a) : kind === "insert" ? view.intra.b.get(l.b) : undefined;
              return (
                <tr key={`${kind}${kind === "insert" ? `b${l.b}` : `a${l.a}`}`} className={`${ROW_TINT[kind]} has-[:target]:bg-amber-100`}>
                  {kind === "insert" ? <td className="border-r border-zinc-200" /> : <LineNumber id={`F${l.a + 1}`} n={l.a + 1} />}
                  {kind === "delete" ? <td className="border-r border-zinc-200" /> : <LineNumber id={`T${l.b + 1}`} n={l.b + 1} />}
                  <Marker kind={kind} />
                  <td className={CODE_CELL}>
                    <CodeText text={text} tokens={tokens} ranges={ranges} side={kind} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        ),
      )}
    </table>
  );
}

function UnifiedGap({ gap, expandable, view, bLines }: { gap: Gap; expandable: boolean; view: DiffView; bLines: string[] }) {
  const label = `${gap.count} unchanged ${gap.count === 1 ? "line" : "lines"}`;
  return (
    <tbody>
      <tr>
        <td colSpan={4} className="p-0">
          {expandable ? (
            <details className="group">
              <summary className="cursor-pointer bg-zinc-100 px-3 py-1 font-sans text-xs text-zinc-600 hover:bg-zinc-200 group-open:bg-zinc-200">
                <span className="group-open:hidden">Show {label}</span>
                <span className="hidden group-open:inline">Hide {label}</span>
              </summary>
              <table className={TABLE}>
                <Cols />
                <tbody>
                  {Array.from({ length: gap.count }, (_, k) => (
                    <tr key={k} className="has-[:target]:bg-amber-100">
                      <LineNumber id={`F${gap.aStart + k + 1}`} n={gap.aStart + k + 1} />
                      <LineNumber id={`T${gap.bStart + k + 1}`} n={gap.bStart + k + 1} />
                      <Marker kind="context" />
                      <td className={CODE_CELL}>
                        <CodeText text={bLines[gap.bStart + k]!} tokens={view.tokensB?.[gap.bStart + k]} side="context" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : (
            <p className="bg-zinc-100 px-3 py-1 font-sans text-xs text-zinc-600">{label} not shown — open either version to read them</p>
          )}
        </td>
      </tr>
    </tbody>
  );
}
