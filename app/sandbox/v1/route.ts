import { previewDocument, previewHeaders } from "@/lib/preview/document";

// The preview shim. proxy.ts serves it only on the preview host; it is the same for every artifact
// (code arrives by postMessage from the authorised page), so it reveals nothing and sets no cookie.
export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(previewDocument(), {
    status: 200,
    headers: previewHeaders("text/html; charset=utf-8", "no-store"),
  });
}
