// Issue 15: a hidden artifact is absent — 404 exactly like private — for everyone but its owner and
// moderators, on every read and in every count, through the one predicate (visibility.ts). Each
// surface below is a real db/queries function the pages, routes and social cards call.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { getArtifactForViewer } from "@/db/queries/artifacts";
import { listComments, postComment } from "@/db/queries/comments";
import { getDiffSides } from "@/db/queries/diff";
import { listForksByOwner } from "@/db/queries/fork-lists";
import { getAncestorChain, getForkChildren, getTreeNode } from "@/db/queries/fork-tree";
import { createFork } from "@/db/queries/forks";
import { listGallery, listLikedArtifacts } from "@/db/queries/gallery";
import { listSitemapChunk, sitemapChunkOf } from "@/db/queries/sitemap";
import { likeArtifact } from "@/db/queries/likes";
import { getLineageForViewer } from "@/db/queries/lineage";
import { getArtifactCardData, getMediaForViewer } from "@/db/queries/media";
import { moderate } from "@/db/queries/moderation";
import { getProfileStats, listProfileArtifacts } from "@/db/queries/profiles";
import { grantRole } from "@/db/queries/roles";
import { listVersions } from "@/db/queries/version-history";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";

/** Whether each surface shows the artifact `id` (owned by `ownerId`) to `viewerId`. */
async function seenBy(id: string, ownerId: string, title: string, viewerId: string | null) {
  const has = (items: { id: string }[]) => items.some((i) => i.id === id);
  const profile = await listProfileArtifacts({
    ownerUserId: ownerId,
    viewerId,
    tab: "forks",
    sort: "newest",
  });
  return {
    page: (await getArtifactForViewer({ id, viewerId })) !== null,
    versions: (await listVersions({ artifactId: id, viewerId })) !== null,
    diff: (await getDiffSides({ artifactId: id, from: null, to: null, viewerId })) !== null,
    comments: (await listComments({ artifactId: id, viewerId })) !== null,
    thumbnail: (await getMediaForViewer({ artifactId: id, viewerId, kind: "thumb" })) !== null,
    socialCard: (await getArtifactCardData({ id, viewerId })) !== null,
    treeNode: (await getTreeNode({ id, viewerId })) !== null,
    lineage: (await getLineageForViewer({ artifactId: id, viewerId })) !== null,
    explore: has((await listGallery({ sort: "newest", viewerId, limit: 100 })).items),
    search: has((await listGallery({ sort: "newest", q: title, viewerId })).items),
    profileForks: has(profile.items),
    forksByOwner: has((await listForksByOwner({ ownerUserId: ownerId, viewerId })).items),
  };
}

const everywhere = (value: boolean) => ({
  page: value,
  versions: value,
  diff: value,
  comments: value,
  thumbnail: value,
  socialCard: value,
  treeNode: value,
  lineage: value,
  explore: value,
  search: value,
  profileForks: value,
  forksByOwner: value,
});

describe("a hidden artifact", () => {
  it("is absent for everyone but its owner and moderators, on every read, list and count", async () => {
    const [alice, bob, carol, mod] = [
      await makeUser(),
      await makeUser(),
      await makeUser(),
      await makeUser(),
    ];
    await grantRole(mod.handle, "moderator");
    const parent = await makeArtifact(alice.id, { title: "Parent of a hidden fork" });
    const title = `Hidden fork ${key().slice(0, 8)}`;
    const fork = (await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      title,
      visibility: "public",
      idempotencyKey: key(),
    }))!;
    await db.execute(sql`insert into artifact_media (artifact_id, thumb_url, screenshot_url)
      values (${fork.id}, '/api/media/x/thumb', '/api/media/x/screenshot')`);
    const comment = await postComment({ artifactId: fork.id, authorUserId: carol.id, body: "hi" });
    expect(comment.status).toBe("ok");
    expect(await likeArtifact({ userId: carol.id, artifactId: fork.id })).toMatchObject({
      status: "ok",
    });

    const forkCounts = async () => ({
      lineage: (await getLineageForViewer({ artifactId: parent.id, viewerId: null }))!.forksCount,
      node: (await getTreeNode({ id: parent.id, viewerId: null }))!.forksCount,
      children: (await getForkChildren({ parentId: parent.id, viewerId: carol.id }))!.visibleCount,
      card: (
        (await getArtifactCardData({ id: parent.id, viewerId: null })) as { forks_count: number }
      ).forks_count,
    });
    const profileCounts = async () => ({
      bob: (await getProfileStats(bob.id)).publicArtifacts,
      aliceForksReceived: (await getProfileStats(alice.id)).forksReceived,
    });
    const sitemapHas = async () =>
      (await listSitemapChunk(await sitemapChunkOf("a", fork.id))).some(
        (a) => a.path === `/a/${fork.id}`,
      );
    const likedHas = async () =>
      (await listLikedArtifacts({ userId: carol.id, viewerId: null })).items.some(
        (i) => i.id === fork.id,
      );

    expect(await seenBy(fork.id, bob.id, title, null)).toEqual(everywhere(true));
    expect(await forkCounts()).toEqual({ lineage: 1, node: 1, children: 1, card: 1 });
    expect(await profileCounts()).toEqual({ bob: 1, aliceForksReceived: 1 });

    expect(
      await moderate({ moderatorId: mod.id, action: "hide", artifactId: fork.id, reason: "Spam" }),
    ).toMatchObject({ status: "ok" });

    expect(await seenBy(fork.id, bob.id, title, null)).toEqual(everywhere(false));
    expect(await seenBy(fork.id, bob.id, title, carol.id)).toEqual(everywhere(false));
    // Explore and search are the public gallery (visibleTo(artifacts, null)) for everyone: a hidden
    // artifact leaves them for its owner and moderators too, like a private one does.
    const ownView = { ...everywhere(true), explore: false, search: false };
    expect(await seenBy(fork.id, bob.id, title, bob.id)).toEqual(ownView);
    expect(await seenBy(fork.id, bob.id, title, mod.id)).toEqual(ownView);
    expect(await forkCounts()).toEqual({ lineage: 0, node: 0, children: 0, card: 0 });
    expect(await profileCounts()).toEqual({ bob: 0, aliceForksReceived: 0 });
    expect(await sitemapHas()).toBe(false);
    expect(await likedHas()).toBe(false);
    // Writes through the same predicate: nobody else can like, comment on or fork it.
    expect(await likeArtifact({ userId: alice.id, artifactId: fork.id })).toEqual({
      status: "not-found",
    });
    expect(
      await postComment({ artifactId: fork.id, authorUserId: alice.id, body: "still here?" }),
    ).toEqual({ status: "not-found" });
    expect(
      await createFork({
        viewerId: carol.id,
        artifactId: fork.id,
        title: "copy",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();

    // The owner making it private and public again does not un-hide it; a restore does.
    await db.execute(sql`update artifacts set visibility = 'private' where id = ${fork.id}`);
    await db.execute(sql`update artifacts set visibility = 'public' where id = ${fork.id}`);
    expect(await forkCounts()).toEqual({ lineage: 0, node: 0, children: 0, card: 0 });
    expect((await seenBy(fork.id, bob.id, title, null)).page).toBe(false);

    expect(
      await moderate({ moderatorId: mod.id, action: "restore", artifactId: fork.id, reason: "ok" }),
    ).toMatchObject({ status: "ok" });
    expect(await seenBy(fork.id, bob.id, title, null)).toEqual(everywhere(true));
    expect(await forkCounts()).toEqual({ lineage: 1, node: 1, children: 1, card: 1 });
    expect(await profileCounts()).toEqual({ bob: 1, aliceForksReceived: 1 });
    expect(await sitemapHas()).toBe(true);
    expect(await likedHas()).toBe(true);
    const stored = await db.execute(
      sql`select public_forks_count, (select count(*) from artifacts f where f.forked_from_id = a.id
            and f.visibility = 'public' and f.hidden_at is null)::int as recount
          from artifacts a where id = ${parent.id}`,
    );
    expect(stored.rows[0]).toEqual({ public_forks_count: 1, recount: 1 });
  });

  it("hides its history (versions, diff) with historyVisibleTo too, and a hidden parent from its forks", async () => {
    const [alice, bob, mod] = [await makeUser(), await makeUser(), await makeUser()];
    await grantRole(mod.handle, "moderator");
    const parent = await makeArtifact(alice.id, { title: "Parent", versions: 3 });
    const fork = (await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      title: "Child",
      visibility: "public",
      idempotencyKey: key(),
    }))!;
    expect(
      (await getLineageForViewer({ artifactId: fork.id, viewerId: null }))!.parent,
    ).toMatchObject({
      id: parent.id,
    });
    await moderate({ moderatorId: mod.id, action: "hide", artifactId: parent.id, reason: "x" });
    const lineage = await getLineageForViewer({ artifactId: fork.id, viewerId: null });
    expect(JSON.stringify(lineage)).not.toContain(parent.id);
    expect(JSON.stringify(lineage)).not.toContain("Parent");
    // The fork tree's ancestor chain keeps the position but names nothing.
    expect(await getAncestorChain({ artifactId: fork.id, viewerId: null })).toEqual([
      { depth: 1, visible: false, id: parent.id },
    ]);
    expect((await getAncestorChain({ artifactId: fork.id, viewerId: mod.id }))[0]).toMatchObject({
      visible: true,
    });
    expect(await listVersions({ artifactId: parent.id, viewerId: bob.id })).toBeNull();
    expect(await listVersions({ artifactId: parent.id, viewerId: mod.id })).not.toBeNull();
    expect(await listVersions({ artifactId: parent.id, viewerId: alice.id })).not.toBeNull();
  });
});
