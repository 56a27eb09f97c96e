// Issue 14: the JSON API does what a person does in the browser, through the same db/queries, and
// every answer here is checked against the OpenAPI document (test-client.ts: the contract test).
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";
import { createToken } from "@/db/queries/tokens";
import { makeUser } from "@/db/test/version-fixtures";
import { api, document, seen } from "./test-client";

const suffix = Math.random().toString(36).slice(2, 8);
const aliceHandle = `alice-${suffix}`;
let alice: string;
let aliceWrite: string;
let bobWrite: string;

const chat = {
  messages: [
    { role: "user", content: "Make a ball" },
    { role: "assistant", content: "Here." },
  ],
};
const publish = (over: Record<string, unknown> = {}) => ({
  title: "Bouncing ball",
  language: "html",
  code: "<p>one</p>\n<p>two</p>\n",
  visibility: "public",
  chat,
  ...over,
});

beforeAll(async () => {
  alice = await makeUser(aliceHandle);
  const bob = await makeUser(`bob-${suffix}`);
  aliceWrite = (await createToken(alice, { name: "w", scope: "write", expiresAt: null })).token;
  bobWrite = (await createToken(bob, { name: "w", scope: "write", expiresAt: null })).token;
});

describe("/api/v1 as a person would use it", () => {
  let id: string;

  it("publishes, reads with ETags, saves against a parent (409 when stale), diffs and restores", async () => {
    const created = await api("POST", "/artifacts", { token: aliceWrite, json: publish() });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(created.headers.get("location")).toBe(created.body.url);
    expect(created.body.currentVersion).toMatchObject({ version: 1, chat });

    // Anonymous: the artifact, without the chat (not public); the owner's token gets it.
    const anon = await api("GET", `/artifacts/${id}`);
    expect(anon.body).toMatchObject({ title: "Bouncing ball", isOwner: false });
    expect(anon.body.currentVersion.chat).toBeNull();
    const etag = anon.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect(
      (await api("GET", `/artifacts/${id}`, { headers: { "if-none-match": etag } })).status,
    ).toBe(304);

    const v2 = await api("POST", `/artifacts/${id}/versions`, {
      token: aliceWrite,
      json: { parentVersion: 1, code: "<p>one</p>\n<p>2</p>\n", summary: "Second" },
    });
    expect(v2).toMatchObject({ status: 201, body: { version: 2 } });
    const stale = await api("POST", `/artifacts/${id}/versions`, {
      token: aliceWrite,
      json: { parentVersion: 1, code: "<p>lost?</p>\n" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: "conflict" }, current: { version: 2 } });
    // The ETag moved with the new version.
    expect(
      (await api("GET", `/artifacts/${id}`, { headers: { "if-none-match": etag } })).status,
    ).toBe(200);

    const history = await api("GET", `/artifacts/${id}/versions`);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history.body.items[0]).toMatchObject({ summary: "Second", parentVersion: 1 });
    expect(JSON.stringify(history.body)).not.toContain("<p>");
    const one = await api("GET", `/artifacts/${id}/versions/1`, { token: aliceWrite });
    expect(one.body).toMatchObject({ version: 1, code: "<p>one</p>\n<p>two</p>\n", chat });

    const d = await api("GET", `/artifacts/${id}/diff?from=1&to=2`);
    expect(d.body).toMatchObject({ added: 1, removed: 1, tooLarge: false });
    expect(d.body.hunks[0].lines).toEqual(
      expect.arrayContaining([
        { kind: "delete", oldLine: 2, newLine: null, text: "<p>two</p>" },
        { kind: "insert", oldLine: null, newLine: 2, text: "<p>2</p>" },
      ]),
    );

    const restored = await api("POST", `/artifacts/${id}/versions/1/restore`, {
      token: aliceWrite,
    });
    expect(restored).toMatchObject({ status: 201, body: { version: 3 } });
    const found = await api("GET", `/artifacts?q=${encodeURIComponent("Bouncing")}&sort=newest`);
    expect(found.body.items.map((a: { id: string }) => a.id)).toContain(id);
  });

  it("forks, syncs from upstream, likes, comments, changes settings, shows the profile, deletes", async () => {
    const fork = await api("POST", `/artifacts/${id}/forks`, {
      token: bobWrite,
      json: { title: "Bob's ball", visibility: "public", version: 2 },
    });
    expect(fork.status).toBe(201);
    const tree = await api("GET", `/artifacts/${id}/forks`);
    expect(tree.body.children.items.map((n: { id: string }) => n.id)).toContain(fork.body.id);
    const up = await api("GET", `/artifacts/${fork.body.id}/forks`);
    expect(up.body.ancestors[0]).toMatchObject({ depth: 1, visible: true, node: { id } });

    const synced = await api("POST", `/artifacts/${fork.body.id}/sync`, {
      token: bobWrite,
      json: { sourceId: id, sourceVersion: 3 },
    });
    expect(synced).toMatchObject({ status: 201, body: { version: 2 } });

    expect((await api("PUT", `/artifacts/${id}/like`, { token: bobWrite })).body).toEqual({
      liked: true,
      likesCount: 1,
    });
    expect((await api("DELETE", `/artifacts/${id}/like`, { token: bobWrite })).body).toEqual({
      liked: false,
      likesCount: 0,
    });

    const posted = await api("POST", `/artifacts/${id}/comments`, {
      token: bobWrite,
      json: { body: "  Nice!  " },
    });
    expect(posted.status).toBe(201);
    const thread = await api("GET", `/artifacts/${id}/comments`);
    expect(thread.body).toMatchObject({ total: 1, items: [{ body: "Nice!", id: posted.body.id }] });

    const renamed = await api("PATCH", `/artifacts/${id}`, {
      token: aliceWrite,
      json: { title: "Bouncing ball 2", chatHistoryPublic: true },
    });
    expect(renamed.body).toMatchObject({
      title: "Bouncing ball 2",
      visibility: "public",
      chatHistoryPublic: true,
    });
    // Version 1 carries the chat (a restore copies code, not the conversation); now public.
    expect((await api("GET", `/artifacts/${id}/versions/1`)).body.chat).toEqual(chat);

    const profile = await api("GET", `/users/${aliceHandle.toUpperCase()}`);
    expect(profile.body).toMatchObject({ handle: aliceHandle, stats: { publicArtifacts: 1 } });

    expect((await api("DELETE", `/artifacts/${id}`, { token: aliceWrite })).body).toEqual({
      deleted: true,
    });
    expect((await api("GET", `/artifacts/${id}`)).status).toBe(404);
  });
});

describe("bad input is a sentence, never a 500", () => {
  it("refuses malformed JSON, wrong types, unknown fields, other media types, huge and deep bodies", async () => {
    const count = async () =>
      (
        (
          await db.execute<{ n: number }>(
            sql`select count(*)::int as n from artifacts where owner_user_id = ${alice}`,
          )
        ).rows[0] as { n: number }
      ).n;
    const before = await count();
    const post = (body: string, type = "application/json") =>
      api("POST", "/artifacts", { token: aliceWrite, body, headers: { "content-type": type } });
    expect((await post("{not json")).body.error.code).toBe("bad_request");
    expect((await post("[1,2]")).status).toBe(400);
    expect((await post("null")).status).toBe(400);
    const wrong = await post(
      JSON.stringify(publish({ title: 42, code: ["x"], visibility: "secret" })),
    );
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(["code", "title", "visibility"]);
    expect((await post(JSON.stringify(publish({ owner_user_id: alice })))).body.error.message).toBe(
      "Unexpected field: owner_user_id",
    );
    expect(
      (await post(JSON.stringify(publish({ title: "a\u202Eb" })))).body.error.fields.title,
    ).toEqual(["Title cannot contain control, invisible or right-to-left override characters."]);
    expect(
      (await post(JSON.stringify(publish({ chat: { messages: [{ role: "user" }] } })))).body.error,
    ).toEqual({
      code: "validation_failed",
      message: "Chat message 1 has no content.",
      fields: { chat: ["Chat message 1 has no content."] },
    });
    expect((await post("title=x", "application/x-www-form-urlencoded")).status).toBe(415);
    expect(
      (await post(JSON.stringify(publish({ code: "x".repeat(9 * 1024 * 1024) })))).status,
    ).toBe(413);
    expect(
      (await post(JSON.stringify(publish({ code: "x".repeat(1_048_577) })))).body.error.message,
    ).toBe("Code must be at most 1 MB.");
    let deep: unknown = "x";
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect((await post(JSON.stringify(publish({ description: deep })))).status).toBe(400);
    const wide = await post(
      JSON.stringify({ ...publish(), extra: Array.from({ length: 5000 }, () => 1) }),
    );
    expect(wide.status).toBe(400);
    const badKey = await api("POST", "/artifacts", {
      token: aliceWrite,
      json: publish(),
      headers: { "idempotency-key": "has spaces" },
    });
    expect(badKey.status).toBe(400);
    expect(await count()).toBe(before);
  });
});

describe("Idempotency-Key on creates", () => {
  it("replays the first answer for the same key and body, and refuses the key with another body", async () => {
    const headers = { "idempotency-key": `publish-${suffix}` };
    const first = await api("POST", "/artifacts", {
      token: aliceWrite,
      json: publish({ title: "Once" }),
      headers,
    });
    const again = await api("POST", "/artifacts", {
      token: aliceWrite,
      json: publish({ title: "Once" }),
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const rows = await db
      .select({ id: artifacts.id })
      .from(artifacts)
      .where(eq(artifacts.title, "Once"));
    expect(rows).toHaveLength(1);
    const other = await api("POST", "/artifacts", {
      token: aliceWrite,
      json: publish({ title: "Twice" }),
      headers,
    });
    expect(other).toMatchObject({ status: 422, body: { error: { code: "idempotency_mismatch" } } });
    // Keys are per user: Bob's same key is his own request.
    const bobs = await api("POST", "/artifacts", {
      token: bobWrite,
      json: publish({ title: "Once" }),
      headers,
    });
    expect(bobs.status).toBe(201);
    expect(bobs.body.id).not.toBe(first.body.id);
  });

  it("makes a retried fork or comment happen once", async () => {
    const source = await api("POST", "/artifacts", {
      token: aliceWrite,
      json: publish({ title: "Forkable" }),
    });
    const headers = { "idempotency-key": `fork-${suffix}` };
    const json = { title: "Mine", visibility: "private" };
    const a = await api("POST", `/artifacts/${source.body.id}/forks`, {
      token: bobWrite,
      json,
      headers,
    });
    const b = await api("POST", `/artifacts/${source.body.id}/forks`, {
      token: bobWrite,
      json,
      headers,
    });
    expect(b.body.id).toBe(a.body.id);
    const tree = await api("GET", `/artifacts/${source.body.id}/forks`, { token: bobWrite });
    expect(tree.body.children.items).toHaveLength(1);
  });
});

afterAll(() => {
  // Every operation of the document was exercised with a success here or in auth.test.ts.
  const ops = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`),
  );
  const succeeded = ops.filter((op) => [...seen].some((s) => s.startsWith(op + " 2")));
  // The zip operations succeed in archive.test.ts (its own afterAll checks them).
  const elsewhere = ["GET /artifacts/{id}/export", "POST /imports"];
  expect(ops.filter((op) => !succeeded.includes(op) && !elsewhere.includes(op))).toEqual([]);
});
