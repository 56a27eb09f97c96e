import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createArtifact } from "@/db/queries/artifacts";
import { createFork } from "@/db/queries/forks";
import type { TokenViewer } from "@/db/queries/tokens";
import { getVersionForViewer } from "@/db/queries/version-history";
import { createVersion } from "@/db/queries/versions";
import { parseChat, type Chat } from "@/domain/validation/artifact";
import { forkArtifactInput, publishArtifactInput, saveVersionInput } from "@/domain/validation/mcp";
import { appOrigin } from "@/lib/env";
import { currentRequestId } from "@/lib/log/request";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";
import { answer, guarded, needsWrite, NOT_FOUND, refuse } from "./result";

// The write tools: the same db/queries functions, rate limits and rules as the browser's publish,
// edit and fork actions (app/(account)/new, app/(account)/a/[id]/edit, app/(public)/a/[id]/fork),
// for the token's user, and only with a write-scope token.

const artifactUrl = (id: string) => `${appOrigin()}/a/${id}`;

/** The chat argument through the publish form's own parser (same limits, same sentences). */
function chatOf(chat: unknown): { chat: Chat | null } | { error: string } {
  return chat === undefined ? { chat: null } : parseChat(JSON.stringify(chat));
}

export function registerWriteTools(server: McpServer, viewer: TokenViewer) {
  const userId = viewer.userId;

  server.registerTool(
    "publish_artifact",
    {
      title: "Publish an artifact",
      description:
        "Publish code you made (an HTML page, a React component, an SVG, Markdown, a script…) as a new artifact on Vitrine, with the chat that produced it as provenance. Private unless visibility is public. Returns its id and URL.",
      inputSchema: publishArtifactInput,
    },
    guarded("publish_artifact", viewer, async (input) => {
      const refused = needsWrite(viewer, "publish_artifact");
      if (refused) return refused;
      const chat = chatOf(input.chat);
      if ("error" in chat) return refuse(chat.error);
      const limit = await consume("publish", userId);
      if (!limit.ok) return refuse(limit.message);
      const { id, created } = await createArtifact({
        ownerUserId: userId,
        idempotencyKey: input.idempotency_key ?? randomUUID(),
        title: input.title,
        description: input.description,
        visibility: input.visibility,
        versioningEnabled: input.versioning_enabled,
        chatHistoryPublic: input.chat_history_public,
        language: input.language,
        code: input.code,
        chat: chat.chat,
      });
      await enqueueThumbnail(id, await currentRequestId()); // after the commit; never throws
      const url = artifactUrl(id);
      return answer(
        `${created ? "Published" : "Already published (same idempotency_key)"}: "${input.title}", ${input.visibility}, version 1${chat.chat ? ` with a chat of ${chat.chat.messages.length} messages` : ""}. ${url}\nArtifact id: ${id}`,
        {
          id,
          url,
          version: 1,
          visibility: input.visibility,
          created,
          chat_messages: chat.chat?.messages.length ?? 0,
        },
      );
    }),
  );

  server.registerTool(
    "save_version",
    {
      title: "Save a new version",
      description:
        "Save new code as the next version of one of your artifacts, with a summary and the chat that produced it. expected_parent_version is the version you edited (get_artifact's current_version): if someone saved since, nothing is saved and you are told the current version.",
      inputSchema: saveVersionInput,
    },
    guarded("save_version", viewer, async (input) => {
      const refused = needsWrite(viewer, "save_version");
      if (refused) return refused;
      const chat = chatOf(input.chat);
      if ("error" in chat) return refuse(chat.error);
      const base = await getVersionForViewer({
        artifactId: input.artifact_id,
        versionIndex: input.expected_parent_version,
        viewerId: userId,
      });
      if (!base) {
        // Either no such artifact for this viewer, or no such version of one of theirs.
        const current = await getVersionForViewer({
          artifactId: input.artifact_id,
          viewerId: userId,
        });
        if (!current?.isOwner) return refuse(NOT_FOUND);
        return refuse(
          `Version ${input.expected_parent_version} does not exist; the current version is ${current.version.versionIndex}.`,
          { status: "conflict", current_version: current.version.versionIndex },
        );
      }
      if (!base.isOwner)
        return refuse(
          "You can save versions only of your own artifacts. Fork it first (fork_artifact), then save to your fork.",
        );
      const result = await createVersion({
        artifactId: input.artifact_id,
        ownerUserId: userId,
        baseVersionId: base.version.id,
        code: input.code,
        summary: input.summary,
        label: input.label,
        chat: chat.chat,
      });
      if (result.status === "not_found") return refuse(NOT_FOUND);
      if (result.status === "conflict")
        return refuse(
          `This artifact changed since version ${input.expected_parent_version}: the current version is ${result.currentIndex ?? "newer"}. Nothing was saved. Read it again (get_artifact), apply your change to it, and save with expected_parent_version ${result.currentIndex ?? "set to the current version"}.`,
          { status: "conflict", current_version: result.currentIndex },
        );
      await enqueueThumbnail(input.artifact_id, await currentRequestId()); // after the commit; never throws
      const url = `${artifactUrl(input.artifact_id)}/v/${result.versionIndex}`;
      return answer(
        `Saved version ${result.versionIndex} of "${base.artifact.title}" (from version ${input.expected_parent_version}). ${artifactUrl(input.artifact_id)}`,
        {
          artifact_id: input.artifact_id,
          version: result.versionIndex,
          parent_version: input.expected_parent_version,
          url,
          chat_messages: chat.chat?.messages.length ?? 0,
        },
      );
    }),
  );

  server.registerTool(
    "fork_artifact",
    {
      title: "Fork an artifact",
      description:
        "Copy a version of an artifact you can see into a new artifact of your own (lineage kept: 'forked from'). Then save_version to the fork.",
      inputSchema: forkArtifactInput,
    },
    guarded("fork_artifact", viewer, async (input) => {
      const refused = needsWrite(viewer, "fork_artifact");
      if (refused) return refused;
      let title = input.title;
      if (!title) {
        const source = await getVersionForViewer({
          artifactId: input.artifact_id,
          viewerId: userId,
        });
        if (!source) return refuse(NOT_FOUND);
        title = source.artifact.title;
      }
      const limit = await consume("fork", userId);
      if (!limit.ok) return refuse(limit.message);
      const fork = await createFork({
        viewerId: userId,
        artifactId: input.artifact_id,
        versionIndex: input.version ?? null,
        title,
        visibility: input.visibility,
        idempotencyKey: randomBytes(16).toString("hex"),
      });
      if (!fork) return refuse(NOT_FOUND);
      const url = artifactUrl(fork.id);
      return answer(
        `Forked into "${title}" (${input.visibility}), version 1. ${url}\nFork id: ${fork.id}`,
        {
          id: fork.id,
          url,
          forked_from: input.artifact_id,
          version: 1,
          visibility: input.visibility,
        },
      );
    }),
  );
}
