// Export → import, against the real PostgreSQL: the imported artifact equals the original version
// for version, and the export obeys the page rules (private = missing, chat only when allowed).
import { strFromU8, unzipSync } from "fflate";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { importArchive } from "@/db/queries/archive-import";
import { makeUser } from "@/db/test/version-fixtures";
import { artifactZipStream } from "./artifact-zip";
import { parseImportArchive } from "./parse-import";
import { artifactWithHistory, historyOf } from "./test-fixtures";
import { collect } from "./zip-stream";

async function exportZip(artifactId: string, viewerId: string | null) {
  const found = await artifactZipStream({ artifactId, viewerId });
  return found ? new Uint8Array(await collect(found.stream)) : null;
}

describe("artifact export and import", () => {
  it("round trip: the imported artifact equals the original version for version", async () => {
    const alice = await makeUser("rt-alice");
    const bob = await makeUser("rt-bob");
    const original = await artifactWithHistory(alice, { chatHistoryPublic: false });
    const zip = await exportZip(original, alice);
    expect(zip).not.toBeNull();

    const parsed = parseImportArchive(zip!);
    const { id, versions } = await importArchive({
      ownerUserId: bob,
      manifest: parsed.manifest,
      code: parsed.code,
      fileName: "bouncing-ball.zip",
      fileSha256: parsed.fileSha256,
    });
    expect(versions).toBe(4);
    expect(id).not.toBe(original);

    const before = await historyOf(original);
    const after = await historyOf(id);
    expect(after).toEqual(before);
    // The history is a real one: a restore whose parent is v3, two chats, µs timestamps, a label.
    expect(before.map((v) => v.parent)).toEqual([null, 1, 2, 3]);
    expect(before[1]).toMatchObject({ label: "bouncy", summary: "Bouncier\nsecond line" });
    expect(before[1]!.chat).toEqual({
      messages: [{ role: "assistant", content: "made it bouncier" }],
    });
    expect(before[0]!.created_at).toBe("2025-03-04T06:06:07.123456");

    const { rows } = await db.execute<Record<string, unknown>>(sql`
      select a.owner_user_id, a.visibility, a.title, v.version_index as current,
             i.imported_by_user_id, i.file_name, i.original_artifact_id, i.original_owner_handle, i.version_count,
             i.file_sha256, i.original_exported_at is not null as has_exported_at
        from artifacts a join artifact_versions v on v.id = a.current_version_id
        join artifact_imports i on i.artifact_id = a.id where a.id = ${id}`);
    expect(rows[0]).toEqual({
      owner_user_id: bob,
      visibility: "private",
      title: "Bouncing ball",
      current: 4,
      imported_by_user_id: bob,
      file_name: "bouncing-ball.zip",
      original_artifact_id: original,
      original_owner_handle: "rt-alice",
      version_count: 4,
      file_sha256: parsed.fileSha256,
      has_exported_at: true,
    });
  });

  it("lays the zip out as documented: vitrine.json and versions/v<n>.<extension>", async () => {
    const alice = await makeUser("layout-alice");
    const id = await artifactWithHistory(alice, {
      language: "jsx",
      code: "export default () => <b>hi</b>;\n",
    });
    const files = unzipSync((await exportZip(id, alice))!);
    expect(Object.keys(files).sort()).toEqual([
      "versions/v1.jsx",
      "versions/v2.jsx",
      "versions/v3.jsx",
      "versions/v4.jsx",
      "vitrine.json",
    ]);
    expect(strFromU8(files["versions/v1.jsx"]!)).toBe("export default () => <b>hi</b>;\n");
    const manifest = JSON.parse(strFromU8(files["vitrine.json"]!));
    expect(manifest).toMatchObject({
      format: "vitrine.artifact",
      format_version: 1,
      history: "full",
      chat_included: true,
      artifact: { id, title: "Bouncing ball", owner_handle: "layout-alice", visibility: "public" },
      lineage: { forked_from: null, origin: null, upstream: null },
    });
    expect(manifest.versions[3]).toMatchObject({
      number: 4,
      parent: 3,
      language: "jsx",
      file: "versions/v4.jsx",
      summary: "Restored v1",
    });
  });

  it("a private artifact exports for its owner only: anyone else gets null, exactly like a missing id", async () => {
    const alice = await makeUser("priv-alice");
    const bob = await makeUser("priv-bob");
    const id = await artifactWithHistory(alice, { visibility: "private" });
    expect(await exportZip(id, alice)).not.toBeNull();
    expect(await exportZip(id, bob)).toBeNull();
    expect(await exportZip(id, null)).toBeNull();
    expect(await exportZip("00000000-0000-4000-8000-000000000000", bob)).toBeNull();
  });

  it("omits the chat for a downloader who may not see it, and includes it when the owner made it public", async () => {
    const alice = await makeUser("chat-alice");
    const bob = await makeUser("chat-bob");
    const id = await artifactWithHistory(alice, { chatHistoryPublic: false });
    const manifestFor = async (viewer: string | null) =>
      JSON.parse(strFromU8(unzipSync((await exportZip(id, viewer))!)["vitrine.json"]!));

    for (const viewer of [bob, null]) {
      const m = await manifestFor(viewer);
      expect(m.chat_included).toBe(false);
      expect(m.versions).toHaveLength(4);
      for (const v of m.versions) expect(v).not.toHaveProperty("chat");
      expect(JSON.stringify(m)).not.toContain("secret ball");
    }
    const own = await manifestFor(alice);
    expect(own.versions[0].chat).toEqual({
      messages: [{ role: "user", content: "make a secret ball" }],
    });

    await db.execute(sql`update artifacts set chat_history_public = true where id = ${id}`);
    expect((await manifestFor(bob)).versions[0].chat).toEqual({
      messages: [{ role: "user", content: "make a secret ball" }],
    });
  });

  it("with the history hidden, someone else gets the current version only, with no dangling parent", async () => {
    const alice = await makeUser("hist-alice");
    const bob = await makeUser("hist-bob");
    const id = await artifactWithHistory(alice, { versioningEnabled: false });
    const files = unzipSync((await exportZip(id, bob))!);
    const m = JSON.parse(strFromU8(files["vitrine.json"]!));
    expect(m.history).toBe("current-only");
    expect(
      m.versions.map((v: { number: number; parent: number | null }) => [v.number, v.parent]),
    ).toEqual([[4, null]]);
    expect(Object.keys(files).sort()).toEqual(["versions/v4.html", "vitrine.json"]);
  });
});
