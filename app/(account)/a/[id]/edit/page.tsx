import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArtifactForOwner } from "@/db/queries/artifacts";
import { requireUser } from "@/lib/auth/viewer";
import { previewOrigin } from "@/lib/env";
import { previewPayloadOnce } from "@/lib/preview/payload-once";
import { parseId } from "@/domain/ids";
import { versionName } from "@/domain/versions";
import { EditForm } from "@/components/editor/edit-form";
import { LanguageBadge } from "@/components/artifact/language-badge";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "New version", robots: { index: false } };

/** Owner only: for anyone else this artifact's editor does not exist. */
export default async function EditPage({ params }: Props) {
  const raw = (await params).id;
  const id = parseId(raw);
  if (!id) notFound();
  const viewer = await requireUser(`/a/${id}/edit`);
  const artifact = await getArtifactForOwner({ id, ownerUserId: viewer.id });
  if (!artifact) notFound();
  const { version } = artifact;
  // The stored version's preview, as the artifact page computed it (once per content).
  const initialPayload = await previewPayloadOnce(version.codeLanguage, version.codeContent);
  return (
    // data-wide: the account layout widens for the split editor (code and preview side by side).
    <div className="space-y-5" data-wide>
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/a/${id}`} className="text-brand-700 break-words hover:underline">
            ← {artifact.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">New version</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-zinc-600">
          <span>Editing from {versionName(version)}</span>
          <LanguageBadge language={version.codeLanguage} />
        </p>
      </header>
      <EditForm
        artifactId={id}
        base={{ id: version.id, versionIndex: version.versionIndex, code: version.codeContent }}
        language={version.codeLanguage}
        previewOrigin={previewOrigin()}
        initialPayload={initialPayload}
      />
    </div>
  );
}
