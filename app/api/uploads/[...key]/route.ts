import { USER_CONTENT_CSP } from "@/lib/security-headers";
import { readLocalUpload } from "@/lib/uploads/store";

// Serves the local upload store (used when UploadThing is not configured). Only image keys exist
// (lib/uploads/store.ts), and every answer carries headers that stop a browser from treating the
// bytes as anything but an image: nosniff, a sandboxing CSP, and an inline disposition.
const NOT_FOUND_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

// Keys are unique per upload (a new avatar gets a new key), so the bytes never change: immutable.
export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  const file = await readLocalUpload(key.join("/"));
  if (!file) return new Response("Not found", { status: 404, headers: NOT_FOUND_HEADERS });
  const cacheHeaders = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ...(file.etag ? { ETag: file.etag } : {}),
  };
  if (file.etag && request.headers.get("if-none-match") === file.etag)
    return new Response(null, { status: 304, headers: cacheHeaders });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      ...cacheHeaders,
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": USER_CONTENT_CSP,
      "Content-Disposition": "inline",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
