import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArtifactForViewer } from "@/db/queries/artifacts";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/lib/ids";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { LanguageBadge } from "@/components/artifact/language-badge";
import { ArtifactLike } from "@/components/like/artifact-like";
import { CommentSection } from "@/components/comment/comment-section";
import { artifactSocialMetadata } from "@/components/gallery/social-metadata";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(params: Props["params"]) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const viewer = await getViewer();
  const found = await getArtifactForViewer({ id, viewerId: viewer?.id ?? null });
  if (!found) notFound();
  return { ...found, viewer };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseId((await params).id);
  if (!id) return {};
  const viewer = await getViewer();
  const found = await getArtifactForViewer({ id, viewerId: viewer?.id ?? null });
  if (!found) return { title: "Not found" };
  const description = found.artifact.description?.slice(0, 200) ?? `A live artifact by @${found.owner?.handle ?? "someone"} on Vitrine.`;
  return {
    title: found.artifact.title,
    description,
    ...artifactSocialMetadata({ id, title: found.artifact.title, description }),
  };
}

export default async function ArtifactPage({ params, searchParams }: Props) {
  const { artifact, owner, version } = await load(params);
  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{artifact.title}</h1>
          {artifact.visibility === "private" && (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">Private</span>
          )}
        </div>
        {owner?.handle && (
          <Link href={`/u/${owner.handle}`} className="flex w-fit items-center gap-2 text-sm text-zinc-700 hover:text-zinc-900">
            <Avatar src={owner.avatarUrl} name={owner.handle} size={24} />
            {owner.displayName ?? `@${owner.handle}`}
            {owner.displayName && <span className="text-zinc-500">@{owner.handle}</span>}
          </Link>
        )}
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-500">
          <LanguageBadge language={version?.codeLanguage ?? null} />
          <span>⑂ {artifact.forksCount} forks</span>
          <span>💬 {artifact.commentsCount} comments</span>
          {version && (
            <span>
              {version.label || `v${version.versionIndex}`} · <RelativeTime date={version.createdAt} />
            </span>
          )}
        </div>
        {artifact.description && <p className="max-w-3xl whitespace-pre-line text-zinc-700">{artifact.description}</p>}
        <ArtifactLike artifactId={artifact.id} count={artifact.likesCount} />
      </header>
      {version ? (
        <section aria-label="Code">
          <pre className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-950 p-4 font-mono text-sm leading-relaxed text-zinc-100">
            <code>{version.codeContent}</code>
          </pre>
        </section>
      ) : (
        <p className="text-zinc-600">This artifact has no versions yet.</p>
      )}
      <CommentSection artifactId={artifact.id} searchParams={await searchParams} />
    </article>
  );
}
