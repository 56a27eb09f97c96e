import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  countVisibleDescendants,
  getAncestorChain,
  getForkChildren,
  getTreeNode,
  type ChildSort,
} from "@/db/queries/fork-tree";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { AncestorChain } from "@/components/fork/ancestor-chain";
import { ForkTree } from "@/components/fork/fork-tree";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sort?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  const viewer = id ? await getViewer() : null;
  const node = id ? await getTreeNode({ id, viewerId: viewer?.id ?? null }) : null;
  if (!node) return { title: "Not found" };
  return {
    title: `Forks of ${node.title}`,
    description: `The fork tree of “${node.title}” on Vitrine: every fork you can see, from the origin down.`,
  };
}

export default async function ForksPage({ params, searchParams }: Props) {
  const [{ id: rawId }, { sort: rawSort }] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  if (!id) notFound();
  const sort: ChildSort = rawSort === "likes" ? "likes" : "date";
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  const [found, ancestors] = await Promise.all([
    getTreeNode({ id, viewerId }),
    getAncestorChain({ artifactId: id, viewerId }),
  ]);
  if (!found) notFound();
  // The origin's id stays on the server: it is only a count key here, and the origin may be private
  // (the tree component's props are serialised into the page).
  const { originArtifactId, ...node } = found;

  // The tree starts at the origin, or at the highest ancestor the viewer may see when the origin
  // is private or gone (ancestors come nearest first).
  const highest = [...ancestors].reverse().find((a) => a.visible);
  const root = highest?.visible ? highest.node : node;
  // The top of the chain is the origin unless it was itself forked from something since deleted.
  const top = ancestors.at(-1);
  const rootIsOrigin = !top
    ? !node.forkedFromVersionLabel
    : top.visible && top.node.id === root.id && !top.node.forkedFromVersionLabel;
  const originId = originArtifactId ?? (ancestors.length === 0 ? node.id : null);

  const [rootChildren, ownChildren, total] = await Promise.all([
    getForkChildren({ parentId: root.id, viewerId, sort }),
    root.id === node.id
      ? Promise.resolve(null)
      : getForkChildren({ parentId: node.id, viewerId, sort }),
    originId ? countVisibleDescendants({ originId, viewerId }) : Promise.resolve(null),
  ]);

  const sortLink = (value: ChildSort, label: string) => (
    <Link
      href={value === "date" ? `/a/${id}/forks` : `/a/${id}/forks?sort=${value}`}
      aria-current={sort === value ? "true" : undefined}
      className={`rounded-md px-2.5 py-1 ${sort === value ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-100"}`}
    >
      {label}
    </Link>
  );

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-zinc-500">
          <Link href={`/a/${id}`} className="hover:underline">
            ← {node.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Fork tree</h1>
        <p className="text-zinc-700">
          {total !== null && (
            <>
              {total.toLocaleString("en")} {total === 1 ? "fork" : "forks"} in this lineage
              {ancestors.length > 0 && (
                <>
                  {" "}
                  · this artifact is {ancestors.length.toLocaleString("en")}{" "}
                  {ancestors.length === 1 ? "level" : "levels"} below the origin
                </>
              )}
            </>
          )}
        </p>
        {!rootIsOrigin && (
          <p
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            role="note"
          >
            The origin of this lineage is private or was deleted, so the tree starts at the highest
            artifact you can see.
          </p>
        )}
      </header>

      <AncestorChain ancestors={ancestors} />

      <section aria-labelledby="tree-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="tree-heading" className="text-lg font-semibold">
            {rootIsOrigin ? "From the origin" : "From the highest visible ancestor"}
          </h2>
          <nav aria-label="Sort forks" className="flex gap-1 text-sm">
            {sortLink("date", "Newest")}
            {sortLink("likes", "Most liked")}
          </nav>
        </div>
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-2 sm:p-3">
          <ForkTree
            label={`Forks of ${root.title}`}
            root={root}
            rootChildren={rootChildren!}
            sort={sort}
            highlightId={node.id}
          />
        </div>
      </section>

      {ownChildren && (
        <section aria-labelledby="own-heading" className="space-y-3">
          <h2 id="own-heading" className="text-lg font-semibold">
            Forks of this artifact
          </h2>
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white p-2 sm:p-3">
            <ForkTree
              label={`Forks of ${node.title}`}
              root={node}
              rootChildren={ownChildren}
              sort={sort}
              highlightId={node.id}
            />
          </div>
        </section>
      )}
    </div>
  );
}
