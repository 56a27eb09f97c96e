import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";

// The whole job against the real store (local disk in a temp folder) and real Chromium. The env is
// set before anything reads it, hence the dynamic imports.
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "vitrine-thumbs-"));
const { db } = await import("@/db/index");
const { makeArtifact, makeUsers } = await import("@/db/test/social-fixtures");
const { processThumbnail } = await import("./job");
const { restartBrowser } = await import("./chromium");
const { browserForTests } = await import("./test-browser");
const { getMediaForViewer } = await import("@/db/queries/media");
const { readLocalUpload, LOCAL_URL_PREFIX } = await import("@/lib/uploads/store");

describe.runIf(await browserForTests())("the thumbnail job", () => {
  it("stores a 1280×800 screenshot and a 480×300 WebP thumbnail, visible only as the artifact is", async () => {
    const [owner, other] = await makeUsers(2, "thumb");
    const { id } = await makeArtifact({ ownerUserId: owner!, visibility: "private" });
    expect(await processThumbnail(id)).toBe("saved");
    const thumb = await getMediaForViewer({ artifactId: id, viewerId: owner!, kind: "thumb" });
    const shot = await getMediaForViewer({ artifactId: id, viewerId: owner!, kind: "screenshot" });
    expect(thumb).toMatch(new RegExp(`^${LOCAL_URL_PREFIX}media/${id}/`));
    const { uploadDir } = await import("@/lib/uploads/store");
    expect(uploadDir()).toBe(process.env.UPLOAD_DIR);
    const t = await sharp(
      (await readLocalUpload(thumb!.slice(LOCAL_URL_PREFIX.length)))!.bytes,
    ).metadata();
    const s = await sharp(
      (await readLocalUpload(shot!.slice(LOCAL_URL_PREFIX.length)))!.bytes,
    ).metadata();
    expect([t.format, t.width, t.height]).toEqual(["webp", 480, 300]);
    expect([s.format, s.width, s.height]).toEqual(["webp", 1280, 800]);
    // Private: nobody else gets it.
    expect(await getMediaForViewer({ artifactId: id, viewerId: other!, kind: "thumb" })).toBeNull();
    expect(await getMediaForViewer({ artifactId: id, viewerId: null, kind: "thumb" })).toBeNull();

    // A re-render replaces the files and removes the old ones.
    expect(await processThumbnail(id)).toBe("saved");
    const newer = await getMediaForViewer({ artifactId: id, viewerId: owner!, kind: "thumb" });
    expect(newer).not.toBe(thumb);
    expect(await readLocalUpload(thumb!.slice(LOCAL_URL_PREFIX.length))).toBeNull();
    await restartBrowser();
  }, 60_000);

  it("skips languages without a preview and artifacts that are gone", async () => {
    const [owner] = await makeUsers(1, "thumb2");
    const { id } = await makeArtifact({ ownerUserId: owner!, language: "python" });
    expect(await processThumbnail(id)).toBe("no-preview");
    expect(await processThumbnail(crypto.randomUUID())).toBe("gone");
    const rows = await db.execute(sql`select 1 from artifact_media where artifact_id = ${id}`);
    expect(rows.rows).toHaveLength(0);
  });
});
