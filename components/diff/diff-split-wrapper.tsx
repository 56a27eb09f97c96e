import { SplitDiff } from "./diff-split";
import type { DiffView } from "./model";

/** Side by side needs width: on narrow screens it scrolls inside this box, never the page. */
export function DiffSplit(props: { view: DiffView; aLines: string[]; bLines: string[]; caption: string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Side-by-side diff (scrolls sideways)">
      <SplitDiff {...props} />
    </div>
  );
}
