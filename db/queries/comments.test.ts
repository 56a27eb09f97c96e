import { describe, expect, it } from "vitest";
import { pgRefusal } from "@/db/test/pg-error";
import { counts, makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { deleteComment, listComments, postComment } from "./comments";

describe("comments", () => {
  it("comments_count equals a recount after concurrent posts and deletes", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const authors = await makeUsers(30);
    const first = await Promise.all(
      authors.map((a) => postComment({ artifactId: id, authorUserId: a, body: `hi from ${a}` })),
    );
    const ids = first.map((r) => (r.status === "ok" ? r.id : ""));
    await Promise.all([
      ...authors.map((a) => postComment({ artifactId: id, authorUserId: a, body: "second" })),
      // Each of the first 20 deleted twice at once (author and owner racing): one wins.
      ...ids
        .slice(0, 20)
        .flatMap((commentId, i) => [
          deleteComment({ commentId, viewerId: authors[i]! }),
          deleteComment({ commentId, viewerId: owner! }),
        ]),
    ]);
    const c = await counts(id);
    expect(c.comments).toBe(40);
    expect(c.comments_count).toBe(c.comments);
  });

  it("records the current version, pages both orders without gaps or repeats", async () => {
    const [owner, reader] = await makeUsers(2);
    const { id, versionId } = await makeArtifact({ ownerUserId: owner! });
    for (let i = 0; i < 7; i++)
      await postComment({ artifactId: id, authorUserId: reader!, body: `c${i}` });
    for (const order of ["newest", "oldest"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listComments({
          artifactId: id,
          viewerId: null,
          order,
          cursor,
          limit: 3,
        });
        seen.push(...page!.items.map((c) => c.body));
        cursor = page!.nextCursor;
      } while (cursor);
      const expected = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"];
      expect(seen).toEqual(order === "oldest" ? expected : expected.reverse());
    }
    const page = await listComments({ artifactId: id, viewerId: reader!, limit: 1 });
    expect(page!.items[0]).toMatchObject({ versionIndex: 1, canDelete: true });
    expect(page!.total).toBe(7);
    expect(versionId).toBeTruthy();
  });

  it("deletable by its author and by the artifact owner, by nobody else", async () => {
    const [owner, author, stranger] = await makeUsers(3);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const a = await postComment({ artifactId: id, authorUserId: author!, body: "one" });
    const b = await postComment({ artifactId: id, authorUserId: author!, body: "two" });
    if (a.status !== "ok" || b.status !== "ok") throw new Error("post failed");
    expect(await deleteComment({ commentId: a.id, viewerId: stranger! })).toBeNull();
    expect((await counts(id)).comments_count).toBe(2);
    expect(await deleteComment({ commentId: a.id, viewerId: author! })).toBe(id);
    expect(await deleteComment({ commentId: b.id, viewerId: owner! })).toBe(id);
    expect(await counts(id)).toMatchObject({ comments_count: 0, comments: 0 });
    const view = await listComments({ artifactId: id, viewerId: stranger! });
    expect(view!.items).toEqual([]);
  });

  it("a private artifact has no comments for others: reading and posting are not-found", async () => {
    const [owner, other] = await makeUsers(2);
    const { id } = await makeArtifact({ ownerUserId: owner!, visibility: "private" });
    expect(await postComment({ artifactId: id, authorUserId: other!, body: "let me in" })).toEqual({
      status: "not-found",
    });
    expect(await listComments({ artifactId: id, viewerId: other! })).toBeNull();
    expect(await listComments({ artifactId: id, viewerId: null })).toBeNull();
    expect(
      await postComment({ artifactId: id, authorUserId: owner!, body: "note to self" }),
    ).toMatchObject({ status: "ok" });
    expect((await listComments({ artifactId: id, viewerId: owner! }))!.items).toHaveLength(1);
    expect(await counts(id)).toMatchObject({ comments_count: 1, comments: 1 });
  });

  it("the database refuses an empty or over-long body (the last of three layers)", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    await expect(postComment({ artifactId: id, authorUserId: owner!, body: "" })).rejects.toEqual(
      pgRefusal("23514", "comments_body_check"),
    );
    await expect(
      postComment({ artifactId: id, authorUserId: owner!, body: "x".repeat(5001) }),
    ).rejects.toEqual(pgRefusal("23514", "comments_body_check"));
    expect((await counts(id)).comments_count).toBe(0);
  });
});
