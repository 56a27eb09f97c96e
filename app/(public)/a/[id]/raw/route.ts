import { getVersionForViewer } from "@/db/queries/versions";
import { parseVersionIndex } from "@/components/artifact/load-version";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/lib/ids";

const EXTENSION: Record<string, string> = {
  html: "html", jsx: "jsx", tsx: "tsx", svg: "svg", markdown: "md", javascript: "js", css: "css", python: "py",
};

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

/**
 * The code as a plain-text download: current version, or `?v=<index>` for an older one (history
 * rules apply). Never served as HTML: text/plain + nosniff + attachment.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const v = new URL(request.url).searchParams.get("v");
  const index = v === null ? undefined : parseVersionIndex(v);
  if (!id || index === null) return notFound();
  const viewer = await getViewer();
  const found = await getVersionForViewer({ artifactId: id, versionIndex: index, viewerId: viewer?.id ?? null });
  if (!found) return notFound();
  const slug = found.artifact.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "artifact";
  const filename = `${slug}-v${found.version.versionIndex}.${EXTENSION[found.version.codeLanguage] ?? "txt"}`;
  return new Response(found.version.codeContent, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
