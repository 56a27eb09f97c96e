// Issue 15 part 3: reports, the moderation queue and hidden artifacts, on the real PostgreSQL.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { appealHiding, getModerationNotice } from "@/db/queries/appeals";
import { deleteArtifact } from "@/db/queries/artifacts";
import { postComment } from "@/db/queries/comments";
import { DELETED_ARTIFACT, DELETED_COMMENT, moderate } from "@/db/queries/moderation";
import { listModerationQueue } from "@/db/queries/moderation-queue";
import { fileReport } from "@/db/queries/reports";
import { grantRole, isModerator, revokeRole } from "@/db/queries/roles";
import { makeArtifact, makeUser } from "@/db/test/lineage-fixtures";

async function moderator() {
  const user = await makeUser();
  expect(await grantRole(user.handle, "moderator")).toBe("changed");
  return user;
}

async function count(table: "reports" | "moderation_actions" | "moderation_appeals") {
  const result = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  return (result.rows[0] as { n: number }).n;
}

const report = (reporterId: string, artifactId: string, commentId?: string) =>
  fileReport({ reporterId, artifactId, commentId, reason: "spam", body: "Selling things." });

describe("reports", () => {
  it("one open report per user per item, under concurrency; the artifact and each comment are items", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const art = await makeArtifact(alice.id);
    const comment = await postComment({ artifactId: art.id, authorUserId: alice.id, body: "hi" });
    if (comment.status !== "ok") throw new Error("comment not posted");

    const results = await Promise.all(Array.from({ length: 12 }, () => report(bob.id, art.id)));
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(11);
    const onComment = await Promise.all(
      Array.from({ length: 6 }, () => report(bob.id, art.id, comment.id)),
    );
    expect(onComment.filter((r) => r.status === "ok")).toHaveLength(1);
    const rows = await db.execute(
      sql`select count(*)::int as n from reports where reporter_user_id = ${bob.id}`,
    );
    expect((rows.rows[0] as { n: number }).n).toBe(2);

    // Once the report is closed, the same user may report the item again.
    const mod = await moderator();
    expect(
      await moderate({ moderatorId: mod.id, action: "dismiss", artifactId: art.id, reason: "ok" }),
    ).toMatchObject({ status: "ok" });
    expect(await report(bob.id, art.id)).toMatchObject({ status: "ok" });
  });

  it("reports on private, hidden, deleted or missing items are not-found and write nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const mod = await moderator();
    const priv = await makeArtifact(alice.id, { visibility: "private" });
    const hidden = await makeArtifact(alice.id);
    await moderate({ moderatorId: mod.id, action: "hide", artifactId: hidden.id, reason: "spam" });
    const gone = await makeArtifact(alice.id, { title: "Gone" });
    await deleteArtifact({ id: gone.id, ownerUserId: alice.id, confirmTitle: "Gone" });
    const other = await makeArtifact(alice.id);
    const comment = await postComment({ artifactId: other.id, authorUserId: alice.id, body: "x" });
    if (comment.status !== "ok") throw new Error("comment not posted");

    const before = await count("reports");
    for (const id of [priv.id, hidden.id, gone.id, crypto.randomUUID()]) {
      expect(await report(bob.id, id)).toEqual({ status: "not-found" });
    }
    // The owner of the private one, and a moderator on the hidden one, are refused as well.
    expect(await report(alice.id, priv.id)).toEqual({ status: "not-found" });
    expect(await report(mod.id, hidden.id)).toEqual({ status: "not-found" });
    // A comment that is not on that artifact, or that does not exist.
    expect(await report(bob.id, priv.id, comment.id)).toEqual({ status: "not-found" });
    expect(await report(bob.id, other.id, crypto.randomUUID())).toEqual({ status: "not-found" });
    expect(await count("reports")).toBe(before);
  });
});

describe("moderator-only functions", () => {
  it("refuse everyone without the role, changing nothing; the CLI's functions grant and revoke", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const art = await makeArtifact(alice.id);
    await report(bob.id, art.id);
    const actions = await count("moderation_actions");
    expect(await listModerationQueue({ moderatorId: bob.id })).toBeNull();
    expect(await listModerationQueue({ moderatorId: null })).toBeNull();
    expect(
      await moderate({ moderatorId: bob.id, action: "hide", artifactId: art.id, reason: "no" }),
    ).toEqual({ status: "not-moderator" });
    const hidden = await db.execute(sql`select hidden_at from artifacts where id = ${art.id}`);
    expect((hidden.rows[0] as { hidden_at: unknown }).hidden_at).toBeNull();
    expect(await count("moderation_actions")).toBe(actions);

    expect(await grantRole(bob.handle.toUpperCase(), "moderator")).toBe("changed");
    expect(await grantRole(bob.handle, "moderator")).toBe("unchanged");
    expect(await isModerator(bob.id)).toBe(true);
    expect(await listModerationQueue({ moderatorId: bob.id })).not.toBeNull();
    expect(await revokeRole(bob.handle, "moderator")).toBe("changed");
    expect(await isModerator(bob.id)).toBe(false);
    expect(await grantRole("nobody-has-this", "moderator")).toBe("no-such-user");
  });
});

describe("moderator actions", () => {
  it("on a deleted artifact or comment answer a sentence and change nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const mod = await moderator();
    const art = await makeArtifact(alice.id, { title: "Doomed" });
    const keep = await makeArtifact(alice.id);
    const comment = await postComment({ artifactId: keep.id, authorUserId: bob.id, body: "rude" });
    if (comment.status !== "ok") throw new Error("comment not posted");
    await report(alice.id, keep.id, comment.id);
    const del = (commentId: string) =>
      moderate({
        moderatorId: mod.id,
        action: "delete_comment",
        artifactId: keep.id,
        commentId,
        reason: "abuse",
      });
    expect(await del(comment.id)).toMatchObject({ status: "ok" });
    const actions = await count("moderation_actions");

    expect(await del(comment.id)).toEqual({ status: "refused", message: DELETED_COMMENT });
    await deleteArtifact({ id: art.id, ownerUserId: alice.id, confirmTitle: "Doomed" });
    for (const action of ["hide", "restore", "dismiss"] as const) {
      expect(
        await moderate({ moderatorId: mod.id, action, artifactId: art.id, reason: "late" }),
      ).toEqual({ status: "refused", message: DELETED_ARTIFACT });
    }
    expect(await count("moderation_actions")).toBe(actions);
    const counts = await db.execute(sql`
      select comments_count, (select count(*) from comments where artifact_id = a.id)::int as real
      from artifacts a where id = ${keep.id}`);
    expect(counts.rows[0]).toEqual({ comments_count: 0, real: 0 });
  });

  it("queue oldest first, keyset-paged, each item with its reports; hide → appeal once → restore, all recorded", async () => {
    const [alice, bob, carol] = [await makeUser(), await makeUser(), await makeUser()];
    const mod = await moderator();
    const [a1, a2, a3] = [
      await makeArtifact(alice.id),
      await makeArtifact(alice.id),
      await makeArtifact(alice.id),
    ];
    await report(bob.id, a2.id);
    await report(bob.id, a1.id);
    await report(carol.id, a2.id);
    await report(bob.id, a3.id);

    const mine = (page: Awaited<ReturnType<typeof listModerationQueue>>) =>
      page!.items.filter((i) => [a1.id, a2.id, a3.id].includes(i.artifact.id));
    // Other tests in this file share the database: page through everything and keep ours.
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const page = await listModerationQueue({ moderatorId: mod.id, cursor, limit: 2 });
      if (first) expect(page!.items.length).toBeLessThanOrEqual(2);
      first = false;
      seen.push(...mine(page).map((i) => i.artifact.id));
      const a2Item = page!.items.find((i) => i.artifact.id === a2.id);
      if (a2Item)
        expect(a2Item.reports.map((r) => r.reporterHandle)).toEqual([bob.handle, carol.handle]);
      cursor = page!.nextCursor;
    } while (cursor);
    expect(seen).toEqual([a2.id, a1.id, a3.id]);

    expect(
      await moderate({
        moderatorId: mod.id,
        action: "hide",
        artifactId: a2.id,
        reason: "Spam links",
      }),
    ).toMatchObject({ status: "ok" });
    expect(
      await moderate({ moderatorId: mod.id, action: "hide", artifactId: a2.id, reason: "again" }),
    ).toEqual({ status: "refused", message: "This artifact is already hidden." });
    const afterHide = await listModerationQueue({ moderatorId: mod.id, limit: 100 });
    expect(mine(afterHide).map((i) => i.artifact.id)).toEqual([a1.id, a3.id]);

    expect(await getModerationNotice({ artifactId: a2.id, viewerId: bob.id })).toBeNull();
    expect(await getModerationNotice({ artifactId: a2.id, viewerId: alice.id })).toMatchObject({
      reason: "Spam links",
      canAppeal: true,
      appeal: null,
    });
    expect(await appealHiding({ ownerId: bob.id, artifactId: a2.id, body: "mine!" })).toEqual({
      status: "not-found",
    });
    expect(await appealHiding({ ownerId: alice.id, artifactId: a1.id, body: "?" })).toEqual({
      status: "not-hidden",
    });
    const appeals = await Promise.all(
      Array.from({ length: 4 }, () =>
        appealHiding({ ownerId: alice.id, artifactId: a2.id, body: "It is a tutorial." }),
      ),
    );
    expect(appeals.filter((a) => a.status === "ok")).toHaveLength(1);
    expect(appeals.filter((a) => a.status === "already-appealed")).toHaveLength(3);
    const withAppeal = await listModerationQueue({ moderatorId: mod.id, limit: 100 });
    const item = withAppeal!.items.find((i) => i.artifact.id === a2.id);
    expect(item).toMatchObject({ appeal: { body: "It is a tutorial." }, reports: [] });
    expect(item!.artifact.hiddenAt).not.toBeNull();

    expect(
      await moderate({ moderatorId: mod.id, action: "restore", artifactId: a2.id, reason: "Fair" }),
    ).toMatchObject({ status: "ok" });
    const done = await listModerationQueue({ moderatorId: mod.id, limit: 100 });
    expect(done!.items.find((i) => i.artifact.id === a2.id)).toBeUndefined();
    expect(
      await moderate({ moderatorId: mod.id, action: "dismiss", artifactId: a2.id, reason: "x" }),
    ).toEqual({ status: "refused", message: "There is nothing open on this item to dismiss." });

    const log = await db.execute(sql`
      select m.action, m.reason, m.moderator_user_id from moderation_actions m
      where m.artifact_id = ${a2.id} order by m.created_at, m.id`);
    expect(log.rows).toEqual([
      { action: "hide", reason: "Spam links", moderator_user_id: mod.id },
      { action: "restore", reason: "Fair", moderator_user_id: mod.id },
    ]);
    const closed = await db.execute(sql`
      select count(*) filter (where resolved_at is null)::int as open,
             count(*) filter (where resolved_by_action_id is not null)::int as linked
      from reports where artifact_id = ${a2.id}`);
    expect(closed.rows[0]).toEqual({ open: 0, linked: 2 });
  });
});
