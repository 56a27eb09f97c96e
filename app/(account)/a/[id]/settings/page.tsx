import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArtifactForOwner } from "@/db/queries/artifacts";
import { requireUser } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { DeleteForm, SettingsForm } from "@/components/artifact/settings-form";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Artifact settings", robots: { index: false } };

/** Owner only: for anyone else these settings do not exist. */
export default async function SettingsPage({ params }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const viewer = await requireUser(`/a/${id}/settings`);
  const artifact = await getArtifactForOwner({ id, ownerUserId: viewer.id });
  if (!artifact) notFound();
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/a/${id}`} className="text-brand-700 break-words hover:underline">
            ← {artifact.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      </header>
      <SettingsForm
        artifact={{
          id: artifact.id,
          title: artifact.title,
          description: artifact.description,
          visibility: artifact.visibility,
          versioningEnabled: artifact.versioningEnabled,
          chatHistoryPublic: artifact.chatHistoryPublic,
          tags: artifact.tags,
          category: artifact.category,
        }}
      />
      <section
        aria-labelledby="danger-heading"
        className="space-y-3 rounded-lg border border-red-200 bg-white p-4"
      >
        <h2 id="danger-heading" className="font-semibold text-red-800">
          Delete artifact
        </h2>
        <DeleteForm artifact={{ id: artifact.id, title: artifact.title }} />
      </section>
    </div>
  );
}
