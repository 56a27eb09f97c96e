import Link from "next/link";
import type { Lineage, LineageRef } from "@/db/queries/lineage";
import { ForkIcon } from "./fork-icon";

// "forked from @alice / Title · v3 · origin: @bob / Root · 4 forks". A parent the viewer may not
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

/** `lineage` comes from the page's loader (loadArtifactLineage); null renders nothing. */
export function LineageLine({
  artifactId,
  lineage,
}: {
  artifactId: string;
  lineage: Lineage | null;
}) {
  if (!lineage) return null;
  const { parent, origin, forksCount } = lineage;
  return (
    <p
      className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-zinc-600"
      data-testid="lineage-line"
    >
      {parent && (
        <span>
          <ForkIcon className="mr-1 size-3.5 align-[-2px]" />
          forked from <Ref value={parent} />
          {parent.versionLabel && <> · {parent.versionLabel}</>}
        </span>
      )}
      {origin && (
        <span>
          <span aria-hidden="true" className="mr-2 text-zinc-300">
            ·
          </span>
          origin: <Ref value={origin} />
        </span>
      )}
      {(parent || origin) && (
        <span aria-hidden="true" className="-mx-1 hidden text-zinc-300 sm:inline">
          ·
        </span>
      )}
      <Link
        href={`/a/${artifactId}/forks`}
        className="underline decoration-zinc-300 underline-offset-2 hover:decoration-zinc-600"
      >
        {forksCount.toLocaleString("en")} {forksCount === 1 ? "fork" : "forks"} · fork tree
      </Link>
    </p>
  );
}
