import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PublishForm } from "@/components/artifact/publish-form";
import { requireUser } from "@/lib/auth/viewer";
import { previewOrigin } from "@/lib/env";
import { TEMPLATES } from "@/domain/templates";

export const metadata: Metadata = {
  title: "Publish an artifact",
  description: "Publish a live code artifact on Vitrine, with its chat and version history.",
};

type Props = { searchParams: Promise<{ template?: string | string[] }> };

export default async function NewArtifactPage({ searchParams }: Props) {
  await requireUser("/new");
  const wanted = (await searchParams).template;
  const template = TEMPLATES.find((t) => t.id === wanted);
  return (
    // data-wide: the account layout widens for the split editor (code and preview side by side).
    <div className="space-y-6" data-wide>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Publish an artifact</h1>
        <p className="text-sm text-zinc-600">
          It starts private; you can make it public now or later in its settings.
        </p>
      </header>
      {/* A fresh key per render of the form: a replayed submit of this form publishes once. */}
      <PublishForm
        idempotencyKey={randomUUID()}
        previewOrigin={previewOrigin()}
        template={template}
      />
    </div>
  );
}
