import { CollapsedRun } from "./collapsed-run";
import { HtmlTbody } from "./html-tbody";
import styles from "./diff.module.css";
import type { DiffView, EolView } from "@/domain/diff/model";
import { splitGapHtml, splitHunkHtml } from "./rows-html";

type Props = { view: DiffView; aLines: string[]; bLines: string[]; eol?: EolView; caption: string };

function Cols() {
  return (
    <colgroup>
      <col className={styles.num} />
      <col className={styles.mark} />
      <col />
      <col className={styles.num} />
      <col className={styles.mark} />
      <col />
    </colgroup>
  );
}

const TABLE = `${styles.table} ${styles.split} syntax`;

/** The side-by-side view: deletions on the left paired with the insertions that replace them. */
export function SplitDiff({ view, aLines, bLines, eol, caption }: Props) {
  const lines = { view, aLines, bLines, eol };
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
          <CollapsedRun key={`g${s.gap.aStart}`} gap={s.gap} expandable={s.expandable} columns={6}>
            <table className={TABLE}>
              <Cols />
              <HtmlTbody html={splitGapHtml(s.gap, lines)} />
            </table>
          </CollapsedRun>
        ) : (
          <HtmlTbody
            key={`h${s.hunk.aStart}:${s.hunk.bStart}`}
            html={splitHunkHtml(s.hunk, s.rows, lines)}
          />
        ),
      )}
    </table>
  );
}
