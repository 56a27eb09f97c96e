import { downloadSlug } from "@/domain/archive/layout";
import { parseId } from "@/domain/ids";
import { artifactZipStream } from "@/lib/archive/artifact-zip";
import { getViewer } from "@/lib/auth/viewer";

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
 * The artifact as a zip (README "Export and import"): every version the viewer may see, vitrine.json with
 * metadata, lineage and chat when they may read it. Private is 404 for others, like a missing id.
 * Streamed: the body is written page by page as the client reads it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) return notFound();
  const viewer = await getViewer();
  const found = await artifactZipStream({ artifactId: id, viewerId: viewer?.id ?? null });
  if (!found) return notFound();
  const filename = `${downloadSlug(found.header.title)}.vitrine.zip`;
  return new Response(found.stream, {
    headers: {
      "Content-Type": "application/zip",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // What it holds depends on who asks (chat, history): never shared by a cache.
      "Cache-Control": "private, no-store",
    },
  });
}
