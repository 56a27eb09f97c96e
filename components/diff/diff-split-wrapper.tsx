import { SplitDiff } from "./diff-split";
import type { DiffView, EolView } from "@/domain/diff/model";

/** Side by side needs width: on narrow screens it scrolls inside this box, never the page. */
export function DiffSplit(props: {
  view: DiffView;
  aLines: string[];
  bLines: string[];
  eol?: EolView;
  caption: string;
}) {
  return (
    <>
      <p className="border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 md:hidden">
        Scroll sideways for the new version, or switch to the unified view.
      </p>
      {/* relative: the table's visually hidden caption and headers must stay inside the scroll box */}
      <div
        className="relative overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Side-by-side diff (scrolls sideways)"
      >
        <SplitDiff {...props} />
      </div>
    </>
  );
}
