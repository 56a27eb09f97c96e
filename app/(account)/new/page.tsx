import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { PublishForm } from "@/components/artifact/publish-form";
import { requireUser } from "@/lib/auth/viewer";

export const metadata: Metadata = {
  title: "Publish an artifact",
  description: "Publish a live code artifact on Vitrine, with its chat and version history.",
};

export default async function NewArtifactPage() {
  await requireUser("/new");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Publish an artifact</h1>
        <p className="text-sm text-zinc-600">
          It starts private; you can make it public now or later in its settings.
        </p>
      </header>
      {/* A fresh key per render of the form: a replayed submit of this form publishes once. */}
      <PublishForm idempotencyKey={randomUUID()} />
    </div>
  );
}
