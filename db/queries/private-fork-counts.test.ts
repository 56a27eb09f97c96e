// Issue 12 item 8: a public artifact whose only fork is private showed "1 fork · 1 hidden fork".
// Private means absent, in counts too: every surface that shows a fork count (artifact page's
// lineage line, gallery cards and the "most forked" sort, profile lists, the fork tree, the social
// card) reads the count of forks anyone may see, kept exact through visibility changes and deletes.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import {
  deleteArtifact,
  getArtifactForViewer,
  updateArtifactSettings,
} from "@/db/queries/artifacts";
import { createFork } from "@/db/queries/forks";
import { listGallery } from "@/db/queries/gallery";
import { getLineageForViewer } from "@/db/queries/lineage";
import { getForkChildren, getTreeNode } from "@/db/queries/fork-tree";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";

const settings = (id: string, ownerUserId: string, visibility: "public" | "private") =>
  updateArtifactSettings({
    id,
    ownerUserId,
    title: "Fork",
    description: null,
    visibility,
    versioningEnabled: true,
    chatHistoryPublic: false,
  });

async function shownCounts(id: string, viewerId: string | null = null) {
  const lineage = await getLineageForViewer({ artifactId: id, viewerId });
  const node = await getTreeNode({ id, viewerId });
  const children = await getForkChildren({ parentId: id, viewerId });
  const artifact = (await getArtifactForViewer({ id, viewerId: null })) as {
    forksCount?: number;
  } | null;
  return {
    lineage: lineage?.forksCount,
    node: node?.forksCount,
    visible: children?.visibleCount,
    artifact: artifact?.forksCount,
    hidden: (children as Record<string, unknown>)?.hiddenCount,
  };
}

describe("private forks in public counts", () => {
  it("counts only forks anyone may see, through forks, visibility changes and deletions", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const root = await makeArtifact(alice.id, { title: "Public parent" });
    const fork = await createFork({
      viewerId: bob.id,
      artifactId: root.id,
      title: "Fork",
      visibility: "private",
      idempotencyKey: key(),
    });

    expect(await shownCounts(root.id)).toMatchObject({
      lineage: 0,
      node: 0,
      visible: 0,
      hidden: undefined,
    });
    const card = (await listGallery({ sort: "newest", limit: 100 })).items.find(
      (c) => c.id === root.id,
    );
    expect(card?.forksCount).toBe(0);
    // For everyone but its owner: the parent's owner sees none either; the fork's owner finds it
    // counted on the parent's page and in the tree (signed-in pages are never the cached ones).
    expect(await shownCounts(root.id, alice.id)).toMatchObject({ lineage: 0, node: 0, visible: 0 });
    expect(await shownCounts(root.id, bob.id)).toMatchObject({ lineage: 1, node: 1, visible: 1 });

    await settings(fork!.id, bob.id, "public");
    expect(await shownCounts(root.id)).toMatchObject({ lineage: 1, node: 1, visible: 1 });
    const forked = await listGallery({ sort: "forked", limit: 100 });
    expect(forked.items.find((c) => c.id === root.id)?.forksCount).toBe(1);

    await settings(fork!.id, bob.id, "private");
    expect(await shownCounts(root.id)).toMatchObject({ lineage: 0, node: 0, visible: 0 });

    await settings(fork!.id, bob.id, "public");
    await deleteArtifact({ id: fork!.id, ownerUserId: bob.id, confirmTitle: "Fork" });
    expect(await shownCounts(root.id)).toMatchObject({ lineage: 0, node: 0, visible: 0 });

    // The shown count is always a recount of public forks.
    const drift = await db.execute(sql`
      select a.id from artifacts a
       where a.public_forks_count <> (select count(*) from artifacts f where f.forked_from_id = a.id and f.visibility = 'public')`);
    expect(drift.rows).toEqual([]);
  });
});
