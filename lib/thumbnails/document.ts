import "server-only";
import { readFileSync } from "node:fs";
import { previewDocument } from "@/lib/preview/document";
import { buildPreviewPayload } from "@/lib/preview/payload";
import { runtimeContentType, runtimeFile } from "@/lib/preview/packages/manifest";

// The offline document Chromium screenshots for a thumbnail: the live preview's own document (the
// same shim, import map and vendored packages) with the version's payload built in, so the card
// shows what the preview shows. The page has no network: the renderer answers this document and
// the vendored files under THUMBNAIL_ORIGIN/sandbox/pkg/ from disk, and aborts everything else.

export const THUMBNAIL_ORIGIN = "http://thumbnail.vitrine.invalid";

export const RENDER_CSP =
  `default-src 'none'; script-src ${THUMBNAIL_ORIGIN} 'unsafe-inline' 'unsafe-eval' blob:; style-src ${THUMBNAIL_ORIGIN} 'unsafe-inline'; ` +
  `img-src data: blob:; font-src ${THUMBNAIL_ORIGIN} data:; media-src data: blob:; connect-src 'none'; worker-src blob:; form-action 'none'; base-uri 'none'`;

/** The HTML document for a version, or null for languages without a preview (css, python…). */
export async function buildRenderDocument({
  language,
  code,
}: {
  language: string;
  code: string;
}): Promise<string | null> {
  const payload = await buildPreviewPayload(language, code);
  return payload ? previewDocument({ payload }) : null;
}

/**
 * A vendored runtime file the thumbnail page asks for (THUMBNAIL_ORIGIN/sandbox/pkg/…), as a
 * Playwright route answer, or null (then the request is aborted). CORS-open like the preview
 * origin's: the sandboxed page is an opaque origin and loads modules and fonts with CORS.
 */
export function vendoredAsset(
  url: string,
): { status: number; headers: Record<string, string>; body: Buffer } | null {
  if (!url.startsWith(`${THUMBNAIL_ORIGIN}/sandbox/pkg/`)) return null;
  const segments = new URL(url).pathname.slice("/sandbox/pkg/".length).split("/");
  const file = runtimeFile(segments);
  const type = file && runtimeContentType(file);
  if (!file || !type) return null;
  return {
    status: 200,
    headers: { "Content-Type": type, "Access-Control-Allow-Origin": "*" },
    body: readFileSync(file),
  };
}
