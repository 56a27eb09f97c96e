import { CODE_CELL, CodeText, EmptyNumber, LineNumber, Marker, ROW_TINT } from "./code-text";
import { hunkHeader, type Gap } from "./hunks";
import type { DiffView } from "./model";

type Props = { view: DiffView; aLines: string[]; bLines: string[]; caption: string };

function Cols() {
  return (
    <colgroup>
      <col className="w-12" />
      <col className="w-6" />
      <col />
      <col className="w-12" />
      <col className="w-6" />
      <col />
    </colgroup>
  );
}

// Wide enough for two readable halves; on a phone the table scrolls inside its own box.
const TABLE = "w-full min-w-[720px] table-fixed border-collapse font-mono text-[13px] leading-5";

export function SplitDiff({ view, aLines, bLines, caption }: Props) {
  return (
    <table className={TABLE}>
      <caption className="sr-only">{caption}</caption>
      <Cols />
      <thead className="sr-only">
        <tr>
          <th scope="col">Old line</th>
          <th scope="col">Change</th>
          <th scope="col">Old code</th>
          <th scope="col">New line</th>
          <th scope="col">Change</th>
          <th scope="col">New code</th>
        </tr>
      </thead>
      {view.segments.map((s) =>
        s.type === "gap" ? (
          <SplitGap key={`g${s.gap.aStart}`} gap={s.gap} expandable={s.expandable} view={view} aLines={aLines} bLines={bLines} />
        ) : (
          <tbody key={`h${s.hunk.aStart}:${s.hunk.bStart}`}>
            <tr className="bg-brand-50/70 text-zinc-500">
              <td colSpan={6} className="px-2 py-1">
                {hunkHeader(s.hunk)}
              </td>
            </tr>
            {s.rows.map((row) => {
              const left = row.a === null ? null : row.kind === "context" ? "context" : "delete";
              const right = row.b === null ? null : row.kind === "context" ? "context" : "insert";
              return (
                <tr key={`${row.a}:${row.b}`} className="has-[:target]:bg-amber-100">
                  {left === null ? (
                    <>
                      <EmptyNumber />
                      <td className="bg-zinc-50" />
                      <td className="border-r border-zinc-200 bg-zinc-50" />
                    </>
                  ) : (
                    <>
                      <LineNumber id={`F${row.a! + 1}`} n={row.a! + 1} />
                      <Marker kind={left} />
                      <td className={`${CODE_CELL} border-r border-zinc-200 ${ROW_TINT[left]}`}>
                        <CodeText text={aLines[row.a!]!} tokens={view.tokensA?.[row.a!]} ranges={view.intra.a.get(row.a!)} side={left} />
                      </td>
                    </>
                  )}
                  {right === null ? (
                    <>
                      <EmptyNumber />
                      <td className="bg-zinc-50" />
                      <td className="bg-zinc-50" />
                    </>
                  ) : (
                    <>
                      <LineNumber id={`T${row.b! + 1}`} n={row.b! + 1} />
                      <Marker kind={right} />
                      <td className={`${CODE_CELL} ${ROW_TINT[right]}`}>
                        <CodeText text={bLines[row.b!]!} tokens={view.tokensB?.[row.b!]} ranges={view.intra.b.get(row.b!)} side={right} />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        ),
      )}
    </table>
  );
}

function SplitGap({ gap, expandable, view, aLines, bLines }: { gap: Gap; expandable: boolean; view: DiffView; aLines: string[]; bLines: string[] }) {
  const label = `${gap.count} unchanged ${gap.count === 1 ? "line" : "lines"}`;
  return (
    <tbody>
      <tr>
        <td colSpan={6} className="p-0">
          {expandable ? (
            <details className="group">
              <summary className="cursor-pointer bg-zinc-100 px-3 py-1 font-sans text-xs text-zinc-600 hover:bg-zinc-200 group-open:bg-zinc-200">
                <span className="group-open:hidden">Show {label}</span>
                <span className="hidden group-open:inline">Hide {label}</span>
              </summary>
              <table className={TABLE}>
                <Cols />
                <tbody>
                  {Array.from({ length: gap.count }, (_, k) => {
                    const a = gap.aStart + k;
                    const b = gap.bStart + k;
                    return (
                      <tr key={k} className="has-[:target]:bg-amber-100">
                        <LineNumber id={`F${a + 1}`} n={a + 1} />
                        <Marker kind="context" />
                        <td className={`${CODE_CELL} border-r border-zinc-200`}>
                          <CodeText text={aLines[a]!} tokens={view.tokensA?.[a]} side="context" />
                        </td>
                        <LineNumber id={`T${b + 1}`} n={b + 1} />
                        <Marker kind="context" />
                        <td className={CODE_CELL}>
                          <CodeText text={bLines[b]!} tokens={view.tokensB?.[b]} side="context" />
                        </td>
                      </tr>
                    );
                  })}
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
