import "server-only";
import { readFileSync } from "node:fs";
import { previewOrigin } from "@/lib/env";
import { previewDocument } from "@/lib/preview/document";
import { fontFaceCss, fontFile, readFontFile } from "@/lib/preview/fonts/catalog";
import { buildPreviewPayload } from "@/lib/preview/payload";
import { runtimeContentType, runtimeFile } from "@/lib/preview/packages/manifest";

// The offline document Chromium screenshots for a thumbnail: the live preview's own document (the
// same shim, import map and vendored packages) with the version's payload built in, so the card
// shows what the preview shows. The page has no network: the renderer answers this document and
// the vendored files under THUMBNAIL_ORIGIN/sandbox/pkg/ and the bundled fonts (which the artifact's
// rewritten Google Fonts links name on the preview origin) from disk, and aborts everything else.

export const THUMBNAIL_ORIGIN = "http://thumbnail.vitrine.invalid";

export function renderCsp(): string {
  const fonts = `${previewOrigin()}/sandbox/fonts/`;
  return (
    `default-src 'none'; script-src ${THUMBNAIL_ORIGIN} 'unsafe-inline' 'unsafe-eval' blob:; style-src ${THUMBNAIL_ORIGIN} ${fonts} 'unsafe-inline'; ` +
    `img-src data: blob:; font-src ${THUMBNAIL_ORIGIN} ${fonts} data:; media-src data: blob:; connect-src 'none'; worker-src blob:; form-action 'none'; base-uri 'none'`
  );
}

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

/**
 * A bundled font the thumbnail page asks for: the @font-face stylesheet a rewritten Google Fonts
 * link names (PREVIEW_ORIGIN/sandbox/fonts/css2?family=…) or one of its woff2 files, answered from
 * disk as the preview origin would, or null (then the request is aborted).
 */
export function bundledFontAsset(
  url: string,
): { status: number; headers: Record<string, string>; body: Buffer } | null {
  const prefix = `${previewOrigin()}/sandbox/fonts/`;
  if (!url.startsWith(prefix)) return null;
  const parsed = new URL(url);
  const name = parsed.pathname.slice("/sandbox/fonts/".length);
  const cors = { "Access-Control-Allow-Origin": "*" };
  if (name === "css" || name === "css2") {
    const css = fontFaceCss(parsed.searchParams);
    return {
      status: 200,
      headers: { "Content-Type": "text/css; charset=utf-8", ...cors },
      body: Buffer.from(css),
    };
  }
  const font = name.endsWith(".woff2") ? fontFile(name.slice(0, -".woff2".length)) : null;
  if (!font) return null;
  return {
    status: 200,
    headers: { "Content-Type": "font/woff2", ...cors },
    body: readFontFile(font),
  };
}
