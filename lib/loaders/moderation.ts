import "server-only";
import { notFound } from "next/navigation";
import { getModerationNotice } from "@/db/queries/appeals";
import { listModerationQueue } from "@/db/queries/moderation-queue";
import { parseId } from "@/domain/ids";
import { getViewer } from "@/lib/auth/viewer";

/**
 * /moderation: the queue for a moderator; a 404 for everyone else, signed in or not (the page
 * does not exist for them, like a private artifact).
 */
export async function loadModerationQueue(cursor: string | string[] | undefined) {
  const viewer = await getViewer();
  if (!viewer?.isModerator) notFound();
  const page = await listModerationQueue({
    moderatorId: viewer.id,
    cursor: typeof cursor === "string" ? cursor : null,
  });
  if (!page) notFound(); // the role was revoked between the two reads
  return page;
}

/** The hidden-artifact banner for its owner or a moderator; null for everyone else. */
export async function loadModerationNotice(rawId: string) {
  const id = parseId(rawId);
  if (!id) return null;
  const viewer = await getViewer();
  return getModerationNotice({ artifactId: id, viewerId: viewer?.id ?? null });
}
