import Link from "next/link";
import { getLineageForViewer, type LineageRef } from "@/db/queries/lineage";

// "forked from @alice / Title · v3 · origin: @bob / Root · ⑂ 4 forks". A parent the viewer may not
// see is "a private artifact", a removed one "a deleted artifact": named by nothing, linked nowhere.

function Ref({ value }: { value: LineageRef }) {
  if (value.state === "private") return <span className="italic">a private artifact</span>;
  if (value.state === "deleted") return <span className="italic">a deleted artifact</span>;
  return (
    <>
      {value.ownerHandle && (
        <>
          <Link href={`/u/${value.ownerHandle}`} className="hover:underline">
            @{value.ownerHandle}
          </Link>
          {" / "}
        </>
      )}
      <Link href={`/a/${value.id}`} className="font-medium text-zinc-800 hover:underline">
        {value.title}
      </Link>
    </>
  );
}

export async function LineageLine({ artifactId, viewerId }: { artifactId: string; viewerId: string | null }) {
  const lineage = await getLineageForViewer({ artifactId, viewerId });
  if (!lineage) return null;
  const { parent, origin, forksCount } = lineage;
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-zinc-600" data-testid="lineage-line">
      {parent && (
        <span>
          <span aria-hidden="true">⑂ </span>forked from <Ref value={parent} />
          {parent.versionLabel && <> · {parent.versionLabel}</>}
        </span>
      )}
      {origin && (
        <span>
          origin: <Ref value={origin} />
        </span>
      )}
      <Link href={`/a/${artifactId}/forks`} className="hover:underline">
        {forksCount.toLocaleString("en")} {forksCount === 1 ? "fork" : "forks"} · fork tree
      </Link>
    </p>
  );
}
