import { parseId } from "@/domain/ids";
import { accountExportDownload } from "@/lib/archive/account-job";
import { requireUser } from "@/lib/auth/viewer";

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A background account export, for its owner only, until it expires; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const viewer = await requireUser(`/settings/export/${encodeURIComponent(raw)}/download`);
  const id = parseId(raw);
  const found = id ? await accountExportDownload({ id, userId: viewer.id }) : null;
  if (!found) return notFound();
  return new Response(found.stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(found.byteSize),
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="vitrine-${viewer.handle ?? "account"}-export.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
