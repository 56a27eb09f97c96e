import { previewHeaders } from "@/lib/preview/document";
import { fontFaceCss, fontFile, fontHash, readFontFile } from "@/lib/preview/fonts/catalog";

// /sandbox/fonts/css2?family=… (and /css, /icon): the @font-face rules for the bundled families a
// Google Fonts URL asks for. /sandbox/fonts/<name>.woff2?v=<hash>: one bundled font file. Fonts
// are fetched in CORS mode and the frame's origin is opaque ("null"), hence the `*`: these files
// are public and carry nothing of the app.
export const dynamic = "force-dynamic";

const STYLESHEETS = new Set(["css", "css2", "icon"]);

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: previewHeaders("text/plain; charset=utf-8", "no-store"),
  });
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const url = new URL(request.url);
  if (STYLESHEETS.has(file)) {
    const headers = previewHeaders("text/css; charset=utf-8", "public, max-age=86400");
    return new Response(fontFaceCss(url.searchParams), { status: 200, headers });
  }
  const font = file.endsWith(".woff2") ? fontFile(file.slice(0, -".woff2".length)) : null;
  if (!font) return notFound();
  const current = url.searchParams.get("v") === fontHash(font);
  const headers = previewHeaders(
    "font/woff2",
    current ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
  );
  headers.set("Access-Control-Allow-Origin", "*");
  return new Response(new Uint8Array(readFontFile(font)), { status: 200, headers });
}
