import type { ReactNode } from "react";
import type { Gap } from "@/domain/diff/hunks";

/** Unchanged lines between hunks: folded in a <details>, so expanding works without JavaScript. */
export function CollapsedRun({
  gap,
  expandable,
  columns,
  children,
}: {
  gap: Gap;
  expandable: boolean;
  columns: number;
  children: ReactNode;
}) {
  const label = `${gap.count.toLocaleString("en")} unchanged ${gap.count === 1 ? "line" : "lines"}`;
  return (
    <tbody>
      <tr>
        <td colSpan={columns} style={{ padding: 0 }}>
          {expandable ? (
            <details className="group">
              <summary className="cursor-pointer bg-zinc-100 px-3 py-1 font-sans text-xs text-zinc-600 group-open:bg-zinc-200 hover:bg-zinc-200">
                <span className="group-open:hidden">Show {label}</span>
                <span className="hidden group-open:inline">Hide {label}</span>
              </summary>
              {children}
            </details>
          ) : (
            <p className="bg-zinc-100 px-3 py-1 font-sans text-xs text-zinc-600">
              {label} not shown here — open either version to read them
            </p>
          )}
        </td>
      </tr>
    </tbody>
  );
}
