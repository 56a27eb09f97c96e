import type { Metadata } from "next";
import { ImportForm } from "@/components/archive/import-form";
import { requireUser } from "@/lib/auth/viewer";

export const metadata: Metadata = {
  title: "Import an artifact",
  description: "Bring an artifact exported from Vitrine back, with its whole version history.",
};

export default async function ImportPage() {
  await requireUser("/import");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Import an artifact</h1>
        <p className="text-sm text-zinc-600">
          Upload a zip downloaded from an artifact page (“Download .zip”) or from your account
          export. It becomes a new private artifact of yours, with every version, its parent, date,
          summary, label and chat.
        </p>
      </header>
      <ImportForm />
    </div>
  );
}
