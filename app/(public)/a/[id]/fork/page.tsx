import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FORK_TITLE_MAX } from "@/domain/validation/fork";
import { getForkSource } from "@/db/queries/lineage";
import { requireUser } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { ForkForm } from "@/components/fork/fork-form";
import { forkArtifact } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string | string[] }> };

export const metadata: Metadata = { title: "Fork", robots: { index: false } };

export default async function ForkPage({ params, searchParams }: Props) {
  const [{ id: rawId }, { v }] = await Promise.all([params, searchParams]);
  const id = parseId(rawId);
  if (!id) notFound();
  const index = typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null;
  // Signed-out people sign in first and come straight back here.
  const viewer = await requireUser(`/a/${id}/fork${index ? `?v=${index}` : ""}`);
  const source = await getForkSource({ artifactId: id, versionIndex: index, viewerId: viewer.id });
  if (!source) notFound();
  const title = `${source.title} (fork)`.slice(0, FORK_TITLE_MAX);
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Fork</h1>
        <p className="text-zinc-700">
          You are forking{" "}
          <Link href={`/a/${id}`} className="font-medium underline">
            {source.title}
          </Link>{" "}
          by @{source.ownerHandle ?? "someone"} at <strong>{source.versionLabel}</strong>. Your fork
          starts with that version&rsquo;s code; its chat and drafts stay with the original.
        </p>
        <p className="text-sm text-zinc-600">
          When @{source.ownerHandle ?? "the author"} later saves a new version, your fork&rsquo;s
          page offers <strong>Sync from upstream</strong>: it adds their latest code as a new
          version of your fork, and your own versions stay in the history.
        </p>
      </header>
      <ForkForm
        action={forkArtifact}
        artifactId={id}
        versionIndex={index}
        defaultTitle={title}
        idempotencyKey={randomBytes(16).toString("hex")}
        maxTitle={FORK_TITLE_MAX}
      />
    </div>
  );
}
