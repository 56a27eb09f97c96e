import { getVersionForViewer } from "@/db/queries/version-history";
import { languageInfo } from "@/domain/languages";
import { parseVersionIndex } from "@/domain/versions";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
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
  const found = await getVersionForViewer({
    artifactId: id,
    versionIndex: index,
    viewerId: viewer?.id ?? null,
  });
  if (!found) return notFound();
  const slug =
    found.artifact.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "artifact";
  const filename = `${slug}-v${found.version.versionIndex}.${languageInfo(found.version.codeLanguage).extension}`;
  return new Response(found.version.codeContent, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
