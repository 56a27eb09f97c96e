import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { getDiffSides } from "@/db/queries/diff";
import { listGallery, TOO_BROAD_MESSAGE } from "@/db/queries/gallery";
import type { TokenViewer } from "@/db/queries/tokens";
import { getVersionForViewer, listVersions } from "@/db/queries/version-history";
import { buildSegments, hunkHeader } from "@/domain/diff/hunks";
import { versionName } from "@/domain/versions";
import { diffVersionsInput, getArtifactInput, searchArtifactsInput } from "@/domain/validation/mcp";
import { diffTextsAsync } from "@/lib/diff/run";
import { appOrigin } from "@/lib/env";
import { answer, guarded, NOT_FOUND, refuse } from "./result";

// The read tools. Each reads through the same db/queries functions as the pages, with the token's
// user as the viewer: private artifacts of others are "not found", exactly like missing ones.

/** Unified diffs larger than this are cut (the counts stay exact); the diff page shows the rest. */
export const MAX_DIFF_CHARS = 200_000;

const artifactUrl = (id: string) => `${appOrigin()}/a/${id}`;

export function registerReadTools(server: McpServer, viewer: TokenViewer) {
  const viewerId = viewer.userId;

  server.registerTool(
    "search_artifacts",
    {
      title: "Search artifacts",
      description:
        "Search the public artifacts on Vitrine (HTML pages, React components, SVGs, scripts) by words in their title, description or owner's handle, optionally by language. Returns ids to use with get_artifact.",
      inputSchema: searchArtifactsInput,
      annotations: { readOnlyHint: true },
    },
    guarded("search_artifacts", viewer, async ({ query, language, sort, cursor, limit }) => {
      const page = await listGallery({
        q: query || null,
        language: language ?? null,
        sort,
        cursor: cursor ?? null,
        viewerId,
        limit,
      });
      if (page.tooBroad) return refuse(TOO_BROAD_MESSAGE);
      const results = page.items.map((card) => ({
        id: card.id,
        title: card.title,
        description: card.description?.slice(0, 200) ?? null,
        owner: card.ownerHandle,
        language: card.language,
        likes: card.likesCount,
        forks: card.forksCount,
        created_at: card.createdAt.toISOString(),
        url: artifactUrl(card.id),
      }));
      const lines = results.map(
        (r) => `- ${r.title} (${r.language ?? "?"}) by @${r.owner ?? "?"} — id ${r.id} — ${r.url}`,
      );
      const text = results.length
        ? `${results.length} artifact${results.length === 1 ? "" : "s"}:\n${lines.join("\n")}${page.nextCursor ? `\nMore: call again with cursor "${page.nextCursor}".` : ""}`
        : "No public artifact matches.";
      return answer(text, { results, next_cursor: page.nextCursor });
    }),
  );

  server.registerTool(
    "get_artifact",
    {
      title: "Get an artifact",
      description:
        "Read one artifact: title, owner, description, a version's code (the current one by default) and, when you may see it, the chat that produced it, plus its recent versions. Use its current version as expected_parent_version when you save a new version.",
      inputSchema: getArtifactInput,
      annotations: { readOnlyHint: true },
    },
    guarded("get_artifact", viewer, async ({ artifact_id, version }) => {
      const [data, history] = await Promise.all([
        getVersionForViewer({ artifactId: artifact_id, versionIndex: version, viewerId }),
        listVersions({ artifactId: artifact_id, viewerId, limit: 20 }),
      ]);
      if (!data) return refuse(NOT_FOUND);
      const { artifact, owner, version: shown, chat } = data;
      const currentVersion =
        history?.artifact.currentIndex ?? (data.isCurrent ? shown.versionIndex : null);
      const structured = {
        id: artifact.id,
        url: artifactUrl(artifact.id),
        title: artifact.title,
        description: artifact.description,
        owner: owner?.handle ?? null,
        is_owner: data.isOwner,
        visibility: artifact.visibility,
        current_version: currentVersion,
        version: {
          number: shown.versionIndex,
          name: versionName(shown),
          summary: shown.summary,
          language: shown.codeLanguage,
          created_at: shown.createdAt.toISOString(),
          code: shown.codeContent,
        },
        chat: chat?.messages ?? null,
        versions:
          history?.items.map((v) => ({
            number: v.versionIndex,
            name: versionName(v),
            summary: v.summary,
            created_at: v.createdAt.toISOString(),
          })) ?? null,
      };
      const facts = [
        `${artifact.title} — ${versionName(shown)}${data.isCurrent ? " (current)" : ""} by @${owner?.handle ?? "?"}, ${artifact.visibility}, ${shown.codeLanguage}.`,
        `URL: ${structured.url}`,
        ...(currentVersion !== null ? [`Current version: ${currentVersion}.`] : []),
        ...(chat ? [`Chat: ${chat.messages.length} messages (in the structured content).`] : []),
      ];
      const text = `${facts.join("\n")}\n\n\`\`\`${shown.codeLanguage}\n${shown.codeContent}\n\`\`\``;
      return answer(text, structured);
    }),
  );

  server.registerTool(
    "diff_versions",
    {
      title: "Diff two versions",
      description:
        "A unified diff between two versions of an artifact (by default: the current version against the one it was made from).",
      inputSchema: diffVersionsInput,
      annotations: { readOnlyHint: true },
    },
    guarded("diff_versions", viewer, async ({ artifact_id, from, to, ignore_whitespace }) => {
      const sides = await getDiffSides({
        artifactId: artifact_id,
        from: from === undefined ? null : { artifactId: null, index: from },
        to: to === undefined ? null : { artifactId: null, index: to },
        viewerId,
      });
      if (!sides) return refuse(NOT_FOUND);
      const diff = await diffTextsAsync(
        sides.from.codeContent,
        sides.to.codeContent,
        ignore_whitespace,
      );
      const out: string[] = [`--- v${sides.from.versionIndex}`, `+++ v${sides.to.versionIndex}`];
      for (const segment of buildSegments(diff.runs)) {
        if (segment.type !== "hunk") continue;
        out.push(hunkHeader(segment.hunk));
        for (const line of segment.hunk.lines) {
          if (line.kind === "context") out.push(` ${diff.a.lines[line.a]}`);
          else if (line.kind === "delete") out.push(`-${diff.a.lines[line.a]}`);
          else out.push(`+${diff.b.lines[line.b]}`);
        }
      }
      let unified = out.join("\n");
      const truncated = unified.length > MAX_DIFF_CHARS;
      if (truncated) unified = unified.slice(0, MAX_DIFF_CHARS);
      const page = `${artifactUrl(artifact_id)}/diff?from=${sides.from.versionIndex}&to=${sides.to.versionIndex}`;
      const structured = {
        artifact_id,
        from: sides.from.versionIndex,
        to: sides.to.versionIndex,
        added: diff.added,
        removed: diff.removed,
        identical: diff.added === 0 && diff.removed === 0,
        unified,
        truncated,
        url: page,
      };
      const head = `v${sides.from.versionIndex} → v${sides.to.versionIndex}: +${diff.added} −${diff.removed} lines. ${page}`;
      const text = structured.identical
        ? `${head}\nThe two versions are identical${ignore_whitespace ? " (ignoring whitespace)" : ""}.`
        : `${head}\n${unified}${truncated ? "\n… (cut; the whole diff is on the page above)" : ""}`;
      return answer(text, structured);
    }),
  );
}
