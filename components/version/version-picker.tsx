import Link from "next/link";
import type { VersionListItem } from "@/db/queries/version-history";
import { RelativeTime } from "@/components/ui/relative-time";
import { versionName } from "@/domain/versions";
import { CompareMenu } from "./compare-menu";

/**
 * A version menu that works without JavaScript (<details>): the newest versions, and a link to the
 * full history. Rendered only when the viewer may see the history.
 */
export function VersionPicker({
  artifactId,
  versions,
  currentIndex,
  shownIndex,
  more,
}: {
  artifactId: string;
  versions: VersionListItem[];
  currentIndex: number;
  shownIndex: number;
  more: boolean;
}) {
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm text-zinc-700 hover:bg-zinc-50">
        Versions{" "}
        <span aria-hidden className="text-xs group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-zinc-200 bg-white py-1 shadow-lg">
        <ul className="max-h-80 overflow-y-auto">
          {versions.map((v) => (
            <li key={v.id}>
              <Link
                href={
                  v.versionIndex === currentIndex
                    ? `/a/${artifactId}`
                    : `/a/${artifactId}/v/${v.versionIndex}`
                }
                aria-current={v.versionIndex === shownIndex ? "page" : undefined}
                className="aria-[current=page]:bg-brand-50 flex items-baseline gap-2 px-3 py-1.5 text-sm hover:bg-zinc-50 aria-[current=page]:font-medium"
              >
                <span className="truncate">{versionName(v)}</span>
                {v.versionIndex === currentIndex && (
                  <span className="text-xs text-emerald-700">current</span>
                )}
                <span className="ml-auto shrink-0 text-xs text-zinc-500">
                  <RelativeTime date={v.createdAt} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <CompareMenu artifactId={artifactId} versions={versions} shownIndex={shownIndex} />
        <Link
          href={`/a/${artifactId}/versions`}
          className="text-brand-700 block border-t border-zinc-100 px-3 py-2 text-sm hover:bg-zinc-50"
        >
          {more ? "All versions →" : "Version history →"}
        </Link>
      </div>
    </details>
  );
}
