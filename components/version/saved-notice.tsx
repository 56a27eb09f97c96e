import Link from "next/link";
import { parseVersionIndex } from "@/domain/versions";

type Query = Record<string, string | string[] | undefined>;

/**
 * "Saved v3 · See changes" on the artifact page right after the editor saved a version
 * (`?saved=3&from=2`, set by the save action), linking the diff against the version that was
 * opened. Only for the owner: for anyone else the query means nothing.
 */
export function SavedNotice({
  artifactId,
  isOwner,
  query,
}: {
  artifactId: string;
  isOwner: boolean;
  query: Query;
}) {
  const one = (value: Query[string]) => (typeof value === "string" ? value : "");
  const saved = parseVersionIndex(one(query.saved));
  const from = parseVersionIndex(one(query.from));
  if (!isOwner || !saved) return null;
  return (
    <p
      role="status"
      className="flex flex-wrap items-center gap-x-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      data-testid="saved-notice"
    >
      <span className="font-medium">Saved v{saved}</span>
      {from && from < saved && (
        <>
          <span aria-hidden>·</span>
          <Link
            href={`/a/${artifactId}/diff?from=${from}&to=${saved}`}
            className="font-medium underline underline-offset-2"
          >
            See changes
          </Link>
          <span className="text-emerald-800">
            (v{from} → v{saved})
          </span>
        </>
      )}
    </p>
  );
}
