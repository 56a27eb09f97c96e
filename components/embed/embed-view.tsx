import { ArtifactPreview } from "@/components/artifact/artifact-preview";
import { CodeView } from "@/components/code/code-view";
import type { EmbedData } from "@/lib/embed/load";
import type { EmbedTheme } from "@/domain/embed";
import { hasPreview } from "@/domain/languages";
import { versionName } from "@/domain/versions";

// The embed page's body: a slim bar (title, author, "Open on Vitrine") over the live preview, filling
// the iframe a site gives it. Light or dark: `theme` forces one; "auto" follows the visitor's system.
// The colours are four CSS variables set on the root, so each theme is one line.
const THEMES = [
  "[--embed-bg:#ffffff] [--embed-fg:#18181b] [--embed-muted:#52525b] [--embed-line:#e4e4e7]",
  "data-[theme=dark]:[--embed-bg:#18181b] data-[theme=dark]:[--embed-fg:#f4f4f5] data-[theme=dark]:[--embed-muted:#a1a1aa] data-[theme=dark]:[--embed-line:#3f3f46] data-[theme=dark]:[color-scheme:dark]",
  "dark:data-[theme=auto]:[--embed-bg:#18181b] dark:data-[theme=auto]:[--embed-fg:#f4f4f5] dark:data-[theme=auto]:[--embed-muted:#a1a1aa] dark:data-[theme=auto]:[--embed-line:#3f3f46] dark:data-[theme=auto]:[color-scheme:dark]",
].join(" ");

export function EmbedView({
  embed,
  theme,
  openUrl,
  pinned,
}: {
  embed: EmbedData;
  theme: EmbedTheme;
  /** The artifact page on Vitrine (absolute: the embed lives on another site). */
  openUrl: string;
  /** Whether the URL pins a version (then its name is shown). */
  pinned: boolean;
}) {
  const { artifact, owner, version } = embed.data;
  const author = owner?.handle ? (owner.displayName ?? `@${owner.handle}`) : null;
  return (
    <div
      data-theme={theme}
      data-testid="embed"
      className={`${THEMES} flex h-dvh flex-col bg-(--embed-bg) text-(--embed-fg)`}
    >
      <div className="flex min-w-0 items-center gap-3 border-b border-(--embed-line) px-3 py-2 text-sm">
        <div className="flex min-w-0 flex-1 items-baseline gap-2">
          <h1 className="truncate font-semibold">{artifact.title}</h1>
          {author && <span className="truncate text-(--embed-muted)">by {author}</span>}
          {pinned && (
            <span className="shrink-0 text-xs text-(--embed-muted)">{versionName(version)}</span>
          )}
        </div>
        <a
          href={openUrl}
          target="_blank"
          rel="noopener"
          className="shrink-0 rounded-md border border-(--embed-line) px-2.5 py-1 text-xs font-medium hover:bg-(--embed-line)"
        >
          Open on Vitrine
        </a>
      </div>
      {hasPreview(version.codeLanguage) ? (
        <ArtifactPreview
          language={version.codeLanguage}
          code={version.codeContent}
          title={artifact.title}
          embed
        />
      ) : (
        <div className="min-h-0 flex-1 overflow-auto">
          <CodeView
            id={`embed-code-${version.id}`}
            code={version.codeContent}
            language={version.codeLanguage}
          />
        </div>
      )}
    </div>
  );
}
