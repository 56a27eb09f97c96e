import { CollapsedRun } from "./collapsed-run";
import { HtmlTbody } from "./html-tbody";
import styles from "./diff.module.css";
import type { DiffView, EolView } from "@/domain/diff/model";
import { unifiedGapHtml, unifiedHunkHtml } from "./rows-html";

type Props = { view: DiffView; aLines: string[]; bLines: string[]; eol?: EolView; caption: string };

function Cols() {
  return (
    <colgroup>
      <col className={styles.num} />
      <col className={styles.num} />
      <col className={styles.mark} />
      <col />
    </colgroup>
  );
}

/** The unified view: old and new line numbers, a +/− column, the code. Rows are server-built HTML. */
export function UnifiedDiff({ view, aLines, bLines, eol, caption }: Props) {
  const lines = { view, aLines, bLines, eol };
  return (
    <table className={`${styles.table} syntax`}>
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
          <CollapsedRun key={`g${s.gap.aStart}`} gap={s.gap} expandable={s.expandable} columns={4}>
            <table className={`${styles.table} syntax`}>
              <Cols />
              <HtmlTbody html={unifiedGapHtml(s.gap, lines)} />
            </table>
          </CollapsedRun>
        ) : (
          <HtmlTbody
            key={`h${s.hunk.aStart}:${s.hunk.bStart}`}
            html={unifiedHunkHtml(s.hunk, lines)}
          />
        ),
      )}
    </table>
  );
}
