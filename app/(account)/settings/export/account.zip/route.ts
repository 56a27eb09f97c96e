import { redirect } from "next/navigation";
import { accountExportPlan, accountZipStream } from "@/lib/archive/account-zip";
import { requireUser } from "@/lib/auth/viewer";

/**
 * A small account's export, zipped while it downloads. A big one (over DIRECT_EXPORT_LIMITS) is
 * built in the background instead: this sends its owner to /settings/export to ask for it.
 */
export async function GET() {
  const viewer = await requireUser("/settings/export/account.zip");
  const plan = await accountExportPlan(viewer.id);
  if (!plan.direct) redirect("/settings/export");
  const { stream } = await accountZipStream(viewer.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="vitrine-${viewer.handle ?? "account"}-${day}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
