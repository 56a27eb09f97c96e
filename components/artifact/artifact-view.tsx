import { ArtifactPreview } from "@/components/artifact/artifact-preview";
import { countOf } from "@/domain/plural";
import { LineageLine } from "@/components/fork/lineage-line";
import { DownloadZipLink } from "@/components/archive/download-zip-link";
import { ForkBar, ForkButton } from "@/components/fork/upstream-panel";
import Link from "next/link";
import type { Lineage, UpstreamStatus } from "@/db/queries/lineage";
import type { ViewedVersion, VersionListItem } from "@/db/queries/version-history";
import { ChatTranscript } from "@/components/chat/chat-transcript";
import { CodeView } from "@/components/code/code-view";
import { CopyButton } from "@/components/code/copy-button";
import { Markdown } from "@/components/markdown/markdown";
import { ArtifactTags } from "@/components/tags/tag-list";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { RestoreButton } from "@/components/version/restore-button";
import { VersionPicker } from "@/components/version/version-picker";
import { versionName } from "@/domain/versions";
import { LanguageBadge } from "./language-badge";

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/**
 * One version of an artifact, shown the same way on /a/[id] (the current one) and /a/[id]/v/[index].
 * Everything it receives was already filtered by the query for this viewer (chat included).
 * `social` is the page's like button and comments, rendered after the code.
 */
export async function ArtifactView({
  data,
  recent,
  lineage,
  upstream,
  notice,
  social,
}: {
  data: ViewedVersion;
  /** The newest versions for the picker, or null when the viewer may not see the history. */
  recent: { items: VersionListItem[]; more: boolean } | null;
  /** The lineage line (null when the viewer may not see the artifact). */
  lineage: Lineage | null;
  /** Where a fork stands against its parent; loaded for the current version only. */
  upstream: UpstreamStatus | null;
  /** A one-line notice above the header (the "Saved v3 · See changes" after an edit). */
  notice?: React.ReactNode;
  /** Like button and comments, rendered after the code. */
  social?: React.ReactNode;
}) {
  const { artifact, owner, version, chat, isOwner, isCurrent, stats } = data;
  const base = `/a/${artifact.id}`;
  const rawHref = isCurrent ? `${base}/raw` : `${base}/raw?v=${version.versionIndex}`;
  const codeId = `code-${version.id}`;
  return (
    // On phones the preview comes right after the header (CSS order), before lineage and description.
    <article className="flex min-w-0 flex-col gap-6">
      <header className="space-y-3 max-sm:-order-2">
        {notice}
        {!isCurrent && (
          <p
            role="status"
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            You are looking at an older version ({versionName(version)}).{" "}
            <Link href={base} className="font-medium underline">
              See the current version
            </Link>
          </p>
        )}
        <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words sm:text-3xl">
            {artifact.title}
          </h1>
          {artifact.visibility === "private" && (
            <span className="mt-1.5 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
              Private
            </span>
          )}
          {isOwner && (
            <div className="ml-auto flex gap-2">
              <Link
                href={`${base}/edit`}
                className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-1.5 text-sm font-medium text-white"
              >
                Edit
              </Link>
              <Link
                href={`${base}/settings`}
                className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50"
              >
                Settings
              </Link>
            </div>
          )}
        </div>
        {owner?.handle && (
          <Link
            href={`/u/${owner.handle}`}
            className="flex w-fit max-w-full items-center gap-2 text-sm text-zinc-700 hover:text-zinc-900"
          >
            <Avatar src={owner.avatarUrl} name={owner.handle} size={28} />
            <span className="truncate font-medium">{owner.displayName ?? `@${owner.handle}`}</span>
            {owner.displayName && <span className="truncate text-zinc-500">@{owner.handle}</span>}
          </Link>
        )}
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-500">
          <LanguageBadge language={version.codeLanguage} />
          <span>{countOf(artifact.commentsCount, "comment", "comments")}</span>
          <span>
            <span data-testid="version-name" className="font-medium text-zinc-700">
              {versionName(version)}
            </span>{" "}
            · <RelativeTime date={version.createdAt} />
          </span>
          {recent && (
            <VersionPicker
              artifactId={artifact.id}
              versions={recent.items}
              currentIndex={recent.items[0]?.versionIndex ?? version.versionIndex}
              shownIndex={version.versionIndex}
              more={recent.more}
            />
          )}
        </div>
        <ArtifactTags tags={artifact.tags} category={artifact.category} />
        {!isCurrent && version.summary && (
          <p className="text-sm text-zinc-700">“{version.summary}”</p>
        )}
        {!isCurrent && isOwner && (
          <RestoreButton
            artifactId={artifact.id}
            versionId={version.id}
            name={versionName(version)}
          />
        )}
      </header>

      <div className="space-y-3">
        <LineageLine artifactId={artifact.id} lineage={lineage} />
        {isCurrent ? (
          <ForkBar artifactId={artifact.id} upstream={upstream} />
        ) : (
          <ForkButton artifactId={artifact.id} versionIndex={version.versionIndex} />
        )}
      </div>

      {artifact.description && (
        <section aria-label="Description" className="max-w-3xl text-zinc-700">
          <Markdown source={artifact.description} />
        </section>
      )}

      <div className="max-sm:-order-1">
        <ArtifactPreview
          language={version.codeLanguage}
          code={version.codeContent}
          blobRef={version.codeBlobRef}
          title={artifact.title}
        />
      </div>

      <section aria-label="Source" className="min-w-0 rounded-lg border border-zinc-200 bg-white">
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 text-xs text-zinc-500">
          <span>
            {countOf(stats.lines ?? 0, "line", "lines")} · {formatBytes(stats.bytes ?? 0)}
          </span>
          <div className="ml-auto flex gap-2">
            <CopyButton targetId={codeId} />
            <a
              href={rawHref}
              download
              className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
            >
              Download raw
            </a>
            <DownloadZipLink artifactId={artifact.id} />
          </div>
        </div>
        <CodeView
          id={codeId}
          code={version.codeContent}
          language={version.codeLanguage}
          blobRef={version.codeBlobRef}
        />
      </section>

      {/* SLOT (social / forks): like and fork buttons, comments */}
      {social}

      {chat && <ChatTranscript chat={chat} />}
    </article>
  );
}
