import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

// Uploads go to the shared store in PostgreSQL, not to this process's disk: another web process
// (another connection, no shared files) reads the same bytes.
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), "vitrine-uploads-"));
const { saveUpload, readLocalUpload, deleteUploadByUrl, LOCAL_URL_PREFIX } =
  await import("./store");
const { db } = await import("@/db/index");
const { createDatabase } = await import("@/db/client");

describe("the shared upload store", () => {
  it("stores in PostgreSQL, serves from any connection, and deletes", async () => {
    const key = `avatars/u${Date.now()}/a1b2c3.webp`;
    const bytes = Buffer.from("RIFF....WEBPVP8 fake-but-opaque-bytes");
    const { url } = await saveUpload({ key, bytes, contentType: "image/webp" });
    expect(url).toBe(`${LOCAL_URL_PREFIX}${key}`);
    expect(readdirSync(process.env.UPLOAD_DIR!)).toEqual([]); // nothing on this process's disk

    // A second pool stands in for the second web process: all it shares with us is the database.
    const other = createDatabase(process.env.DATABASE_URL!);
    try {
      const rows = (
        await other.db.execute(
          sql`select content_type, byte_size, etag, bytes from stored_objects where key = ${key}`,
        )
      ).rows;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ content_type: "image/webp", byte_size: bytes.length });
      expect(Buffer.compare(rows[0]!.bytes as Buffer, bytes)).toBe(0);
    } finally {
      await other.pool.end();
    }
    const read = await readLocalUpload(key);
    expect(read?.contentType).toBe("image/webp");
    expect(read?.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);

    await deleteUploadByUrl(url);
    expect(await readLocalUpload(key)).toBeNull();
    const left = await db.execute(
      sql`select count(*)::int as n from stored_objects where key = ${key}`,
    );
    expect(left.rows[0]).toEqual({ n: 0 });
    expect(existsSync(path.join(process.env.UPLOAD_DIR!, key))).toBe(false);
  });
});
