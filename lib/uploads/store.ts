import "server-only";
import { createHash } from "node:crypto";
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { UTApi } from "uploadthing/server";
import { env } from "@/lib/env";
import { dataDir } from "@/lib/paths";

// Where uploaded images and thumbnails live: UploadThing when UPLOADTHING_TOKEN is set, otherwise the
// stored_objects table in PostgreSQL (db/queries/objects.ts), served by
// app/api/uploads/[...key]/route.ts — shared by every web process and the worker, so any process
// serves what another stored. Files an earlier version wrote to the local disk (<data dir>/uploads,
// UPLOAD_DIR overrides) are still read from there. Only already-validated, re-encoded images come
// here (see lib/uploads/image.ts); the store still allows image types only, so nothing it serves
// can be HTML.

export const UPLOAD_CONTENT_TYPES = {
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
} as const;

export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[keyof typeof UPLOAD_CONTENT_TYPES];

/** Keys are lower-case path segments ending in an image extension: no dots, no "..", no slashes at the ends. */
const KEY_PATTERN = /^[a-z0-9_-]{1,64}(\/[a-z0-9_-]{1,64}){0,4}\.(webp|png|jpg)$/;

export const LOCAL_URL_PREFIX = "/api/uploads/";

export function isValidUploadKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function contentTypeForKey(key: string): UploadContentType | null {
  if (!isValidUploadKey(key)) return null;
  const ext = key.slice(key.lastIndexOf(".") + 1) as keyof typeof UPLOAD_CONTENT_TYPES;
  return UPLOAD_CONTENT_TYPES[ext] ?? null;
}

export function uploadDir(): string {
  // turbopackIgnore: the folder is chosen at run time; there is nothing to trace at build time.
  return path.resolve(/*turbopackIgnore: true*/ env.UPLOAD_DIR ?? path.join(dataDir(), "uploads"));
}

/** The file for a key, or null when the key is malformed or would leave the upload folder. */
function localPath(key: string): string | null {
  if (!isValidUploadKey(key)) return null;
  const root = uploadDir();
  const full = path.resolve(/*turbopackIgnore: true*/ root, key);
  return full.startsWith(root + path.sep) ? full : null;
}

let utapi: UTApi | null = null;
function uploadThing(): UTApi | null {
  if (!env.UPLOADTHING_TOKEN) return null;
  utapi ??= new UTApi({ token: env.UPLOADTHING_TOKEN });
  return utapi;
}

/** Stores image bytes under `key` and returns the URL to put in an <img>. */
export async function saveUpload({
  key,
  bytes,
  contentType,
}: {
  key: string;
  bytes: Uint8Array;
  contentType: UploadContentType;
}): Promise<{ url: string }> {
  if (contentTypeForKey(key) !== contentType) {
    throw new Error(`Upload key ${JSON.stringify(key)} does not match content type ${contentType}`);
  }
  const ut = uploadThing();
  if (ut) {
    const file = new File([new Uint8Array(bytes)], key.replaceAll("/", "_"), { type: contentType });
    const result = await ut.uploadFiles(file);
    if (result.error) throw new Error(`UploadThing refused the upload: ${result.error.message}`);
    return { url: result.data.ufsUrl };
  }
  const { putObject } = await import("@/db/queries/objects");
  const buffer = Buffer.from(bytes);
  // One row, one statement: a reader sees the whole object or none of it.
  await putObject({
    key,
    bytes: buffer,
    contentType,
    etag: `"${createHash("sha256").update(buffer).digest("base64url").slice(0, 27)}"`,
  });
  return { url: `${LOCAL_URL_PREFIX}${key}` };
}

/**
 * Reads an upload of our own store (PostgreSQL, then an older install's local file) for the route
 * handlers; null for anything that is not one. A database error propagates: "missing" and "cannot
 * tell right now" are different answers.
 */
export async function readLocalUpload(
  key: string,
): Promise<{ bytes: Buffer; contentType: UploadContentType; etag?: string } | null> {
  const contentType = contentTypeForKey(key);
  const file = localPath(key);
  if (!contentType || !file) return null;
  const { getObject } = await import("@/db/queries/objects");
  const stored = await getObject(key);
  if (stored) return { bytes: stored.bytes, contentType, etag: stored.etag };
  try {
    return { bytes: await readFile(/*turbopackIgnore: true*/ file), contentType };
  } catch {
    return null;
  }
}

/**
 * Removes a stored upload by the URL saveUpload returned (an old avatar after a new one is saved,
 * or a deleted account's). Best effort: a leftover file is harmless, a failed delete never fails
 * the user's request.
 */
export async function deleteUploadByUrl(url: string | null | undefined): Promise<void> {
  if (!url) return;
  try {
    if (url.startsWith(LOCAL_URL_PREFIX)) {
      const key = url.slice(LOCAL_URL_PREFIX.length);
      const file = localPath(key);
      if (!file) return;
      const { deleteObject } = await import("@/db/queries/objects");
      await deleteObject(key);
      await unlink(file).catch(() => {}); // an older install's file, if any
      return;
    }
    const ut = uploadThing();
    const match =
      /^https:\/\/[a-z0-9-]+\.ufs\.sh\/f\/([A-Za-z0-9_-]+)$/.exec(url) ??
      /^https:\/\/utfs\.io\/f\/([A-Za-z0-9_-]+)$/.exec(url);
    if (ut && match?.[1]) await ut.deleteFiles(match[1]);
  } catch (err) {
    console.warn(
      `[uploads] could not delete ${url}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
