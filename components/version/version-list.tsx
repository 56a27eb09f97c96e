import Link from "next/link";
import type { SourceArtifact } from "@/db/queries/artifacts";
import type { VersionListItem } from "@/db/queries/version-history";
import { RelativeTime } from "@/components/ui/relative-time";
import { RestoreButton } from "./restore-button";
import { versionName } from "@/domain/versions";

// "Forked from @owner / title · v3" is built here, per viewer, from what they may see: versions never
// store another artifact's title or owner (a parent that turns private must vanish from its forks).
function SourceMarker({
  item,
  importTitles,
}: {
  item: VersionListItem;
  importTitles: Map<string, SourceArtifact>;
}) {
  const source = item.source;
  if (!source || source.kind === "edit" || source.kind === "publish") return null;
  const badge = "rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700";
  if (source.kind === "restore") {
    return <span className={badge}>Restored from v{source.versionIndex ?? "?"}</span>;
  }
  if (source.kind === "import" || source.kind === "fork") {
    const from = source.artifactId ? importTitles.get(source.artifactId) : undefined;
    const verb = source.kind === "import" ? "Synced from" : "Forked from";
    return (
      <span className={badge}>
        {verb}{" "}
        {from && source.artifactId ? (
          <Link href={`/a/${source.artifactId}`} className="underline">
            @{from.ownerHandle ?? "someone"} / {from.title}
            {source.versionIndex ? ` · v${source.versionIndex}` : ""}
          </Link>
        ) : (
          "an artifact you cannot see"
        )}
      </span>
    );
  }
  return null;
}

/** The history rows: metadata only (the query never loads code). */
export function VersionList({
  artifactId,
  items,
  currentIndex,
  isOwner,
  importTitles,
}: {
  artifactId: string;
  items: VersionListItem[];
  currentIndex: number | null;
  isOwner: boolean;
  importTitles: Map<string, SourceArtifact>;
}) {
  const base = `/a/${artifactId}`;
  const link = "text-brand-700 hover:underline";
  return (
    <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
      {items.map((item) => {
        const isCurrent = item.versionIndex === currentIndex;
        return (
          <li key={item.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start">
            <div className="min-w-0 flex-1 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={isCurrent ? base : `${base}/v/${item.versionIndex}`}
                  className="font-medium break-all hover:underline"
                >
                  {versionName(item)}
                </Link>
                {item.label && <span className="text-xs text-zinc-500">v{item.versionIndex}</span>}
                {isCurrent && (
                  <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                    current
                  </span>
                )}
                <SourceMarker item={item} importTitles={importTitles} />
              </div>
              {item.summary && <p className="text-sm break-words text-zinc-700">{item.summary}</p>}
              <p className="flex flex-wrap gap-x-3 text-xs text-zinc-500">
                <RelativeTime date={item.createdAt} />
                <span>
                  <span className="text-emerald-700">+{item.stats.added ?? 0}</span>{" "}
                  <span className="text-red-700">−{item.stats.removed ?? 0}</span>
                  <span className="sr-only"> lines added and removed</span>
                </span>
                {item.stats.lines !== undefined && <span>{item.stats.lines} lines</span>}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm sm:justify-end">
              <Link href={isCurrent ? base : `${base}/v/${item.versionIndex}`} className={link}>
                View
              </Link>
              {item.parentIndex !== null && (
                <Link
                  href={`${base}/diff?from=${item.parentIndex}&to=${item.versionIndex}`}
                  className={link}
                >
                  Diff vs parent
                </Link>
              )}
              {!isCurrent && currentIndex !== null && (
                <Link
                  href={`${base}/diff?from=${item.versionIndex}&to=${currentIndex}`}
                  className={link}
                >
                  Diff vs current
                </Link>
              )}
              {isOwner && !isCurrent && (
                <RestoreButton
                  artifactId={artifactId}
                  versionId={item.id}
                  name={`v${item.versionIndex}`}
                />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
