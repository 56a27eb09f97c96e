import { previewDocument, previewHeaders } from "@/lib/preview/document";

// The preview shim. proxy.ts serves it only on the preview host; it is the same for every artifact
// (code arrives by postMessage from the authorised page), so it reveals nothing and sets no cookie.
// `?embed=1` is the same document for /embed/<id> pages, with `frame-ancestors *` (any site may
// frame an embed page, and CSP checks every ancestor).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const embed = new URL(request.url).searchParams.get("embed") === "1";
  return new Response(previewDocument(), {
    status: 200,
    headers: previewHeaders("text/html; charset=utf-8", "no-store", { embed }),
  });
}
