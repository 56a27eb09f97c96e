import type { Metadata } from "next";
import { AccountExportPanel } from "@/components/archive/account-export-panel";
import { listAccountExports } from "@/db/queries/account-exports";
import { accountExportPlan } from "@/lib/archive/account-zip";
import { requireUser } from "@/lib/auth/viewer";
import { requestAccountExportAction } from "./actions";

export const metadata: Metadata = {
  title: "Export your account",
  description: "Download all your Vitrine artifacts, public and private, and your profile.",
};

export default async function ExportSettingsPage() {
  const viewer = await requireUser("/settings/export");
  const [plan, exports] = await Promise.all([
    accountExportPlan(viewer.id),
    listAccountExports(viewer.id),
  ]);
  return (
    <AccountExportPanel
      plan={plan}
      exports={exports.map((e) => ({
        id: e.id,
        state: e.state,
        createdAt: e.createdAt.toISOString(),
        expiresAt: e.expiresAt?.toISOString() ?? null,
        expired: e.expired || (e.state === "ready" && !e.objectKey),
        byteSize: e.byteSize,
        artifactCount: e.artifactCount,
      }))}
      action={requestAccountExportAction}
    />
  );
}
