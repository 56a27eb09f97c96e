import { readFile } from "node:fs/promises";
import { previewHeaders } from "@/lib/preview/document";
import { runtimeContentType, runtimeFile } from "@/lib/preview/packages/manifest";

// /sandbox/pkg/…: the vendored package set and our frame runtimes (scripts/build-preview-runtime.ts),
// served only on the preview host (proxy.ts). Names carry a content hash, so they never change:
// cached for a year. The frame is an opaque origin, so its module scripts and fonts are CORS
// requests: public, credential-free files answer them with `*`.
export const dynamic = "force-dynamic";

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: previewHeaders("text/plain; charset=utf-8", "no-store"),
  });
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const file = runtimeFile((await params).path);
  const type = file && runtimeContentType(file);
  if (!file || !type) return notFound();
  const headers = previewHeaders(type, "public, max-age=31536000, immutable");
  headers.set("Access-Control-Allow-Origin", "*");
  headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return new Response(new Uint8Array(await readFile(file)), { status: 200, headers });
}
