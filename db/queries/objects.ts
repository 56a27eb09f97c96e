import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/index";
import { storedObjects } from "@/db/schema";

// The object store in PostgreSQL: one row per key, written once (keys carry a random part, so a
// key's bytes never change — the ETag is their hash) and deleted when the upload is replaced.

export type StoredObject = { bytes: Buffer; contentType: string; etag: string };

export async function putObject(object: {
  key: string;
  bytes: Buffer;
  contentType: string;
  etag: string;
}): Promise<void> {
  await db
    .insert(storedObjects)
    .values({
      key: object.key,
      bytes: object.bytes,
      contentType: object.contentType,
      etag: object.etag,
      byteSize: object.bytes.length,
    })
    .onConflictDoUpdate({
      target: storedObjects.key,
      set: {
        bytes: object.bytes,
        contentType: object.contentType,
        etag: object.etag,
        byteSize: object.bytes.length,
      },
    });
}

export async function getObject(key: string): Promise<StoredObject | null> {
  const [row] = await db
    .select({
      bytes: storedObjects.bytes,
      contentType: storedObjects.contentType,
      etag: storedObjects.etag,
    })
    .from(storedObjects)
    .where(eq(storedObjects.key, key));
  return row ?? null;
}

export async function deleteObject(key: string): Promise<void> {
  await db.delete(storedObjects).where(eq(storedObjects.key, key));
}
