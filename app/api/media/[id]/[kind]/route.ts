import { getMediaForViewer } from "@/db/queries/media";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { USER_CONTENT_CSP } from "@/lib/security-headers";
import { LOCAL_URL_PREFIX, readLocalUpload } from "@/lib/uploads/store";

// An artifact's thumbnail or screenshot, after the same visibility check as the artifact itself:
// a private artifact's images are 404 for everyone but the owner, exactly like a missing one.
// Local store → the bytes; UploadThing → a redirect to its URL.
const NOT_FOUND = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; kind: string }> },
) {
  const { id: rawId, kind } = await params;
  const id = parseId(rawId);
  if (!id || (kind !== "thumb" && kind !== "screenshot")) return NOT_FOUND();
  const viewer = await getViewer();
  const url = await getMediaForViewer({ artifactId: id, viewerId: viewer?.id ?? null, kind });
  if (!url) return NOT_FOUND();
  // Public images may sit in shared caches briefly; a private one only in the owner's browser.
  const cache = "private, max-age=300";
  if (!url.startsWith(LOCAL_URL_PREFIX)) {
    return new Response(null, { status: 302, headers: { Location: url, "Cache-Control": cache } });
  }
  const file = await readLocalUpload(url.slice(LOCAL_URL_PREFIX.length));
  if (!file) return NOT_FOUND();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": USER_CONTENT_CSP,
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": cache,
      Vary: "Cookie",
    },
  });
}
