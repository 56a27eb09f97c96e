import { isRuntimeName, runtimeBundle, runtimeVersion } from "@/lib/preview/bundle";
import { previewHeaders } from "@/lib/preview/document";

// /sandbox/runtime/react.js and /sandbox/runtime/markdown.js: the libraries the frame loads from the
// preview origin (no CDN). Versioned by ?v= so browsers can keep them for a year.
export const dynamic = "force-dynamic";

const SERVED = new Set(["react", "markdown"]);

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = (await params).file.replace(/\.js$/, "");
  if (!(await params).file.endsWith(".js") || !isRuntimeName(name) || !SERVED.has(name)) {
    return new Response("Not found", { status: 404, headers: previewHeaders("text/plain; charset=utf-8", "no-store") });
  }
  const current = new URL(request.url).searchParams.get("v") === runtimeVersion(name);
  return new Response(await runtimeBundle(name), {
    status: 200,
    headers: previewHeaders(
      "text/javascript; charset=utf-8",
      current ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
    ),
  });
}
