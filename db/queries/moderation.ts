import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import type { ModerationActionCode } from "@/domain/validation/moderation";
import { isModerator } from "./roles";
import { artifactsAs, visibleTo } from "./visibility";

// Moderator actions: hide / restore / dismiss / delete comment. Each runs in one transaction that
// checks the role, locks the artifact row, changes it, records who/what/why in moderation_actions and
// closes the item's open reports (and appeal) with that record. Anything that refuses changes nothing.
// The queue (reads) is in moderation-queue.ts; appeals and the owner's notice in appeals.ts.

export type ModerateResult =
  | { status: "ok"; actionId: string }
  | { status: "refused"; message: string }
  | { status: "not-moderator" };

export const DELETED_ARTIFACT = "This artifact no longer exists; there is nothing to moderate.";
export const DELETED_COMMENT = "This comment was already deleted; there is nothing to moderate.";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function record(
  tx: Tx,
  input: {
    moderatorId: string;
    action: ModerationActionCode;
    artifactId: string;
    commentId: string | null;
    reason: string;
  },
): Promise<string> {
  const result = await tx.execute(sql`
    insert into moderation_actions (moderator_user_id, action, artifact_id, comment_id, reason)
    values (${input.moderatorId}, ${input.action}, ${input.artifactId}, ${input.commentId}::uuid, ${input.reason})
    returning id`);
  return (result.rows[0] as { id: string }).id;
}

/** Closes the open reports of one item (the artifact itself, or one comment) with an action. */
async function closeReports(
  tx: Tx,
  artifactId: string,
  commentId: string | null,
  actionId: string,
) {
  const result = await tx.execute(sql`
    update reports set resolved_at = now(), resolved_by_action_id = ${actionId}
    where resolved_at is null and artifact_id = ${artifactId}
      and comment_id is not distinct from ${commentId}::uuid
    returning id`);
  return result.rows.length;
}

async function closeAppeal(tx: Tx, artifactId: string) {
  const result = await tx.execute(sql`
    update moderation_appeals set resolved_at = now()
    where resolved_at is null and artifact_id = ${artifactId} returning id`);
  return result.rows.length;
}

async function moderateUngated(input: {
  moderatorId: string;
  action: ModerationActionCode;
  artifactId: string;
  commentId?: string | null;
  reason: string;
}): Promise<ModerateResult> {
  if (!(await isModerator(input.moderatorId))) return { status: "not-moderator" };
  const commentId = input.commentId ?? null;
  return db
    .transaction(async (tx) => {
      // Locked so two moderators acting on one item serialise; a deleted or private artifact is no row.
      const found = await tx.execute(sql`
      select a.id, a.hidden_at from artifacts a
      where a.id = ${input.artifactId} and a.visibility = 'public'
        and ${visibleTo(artifactsAs("a"), input.moderatorId)}
      for update`);
      const artifact = found.rows[0] as { id: string; hidden_at: string | null } | undefined;
      if (!artifact) return { status: "refused", message: DELETED_ARTIFACT } as const;
      if (commentId) {
        const comment = await tx.execute(
          sql`select id from comments where id = ${commentId} and artifact_id = ${artifact.id} for update`,
        );
        if (comment.rows.length === 0)
          return { status: "refused", message: DELETED_COMMENT } as const;
      }
      const row = { ...input, commentId };
      switch (input.action) {
        case "hide": {
          if (artifact.hidden_at)
            return { status: "refused", message: "This artifact is already hidden." } as const;
          const actionId = await record(tx, row);
          await tx.execute(sql`update artifacts set hidden_at = now() where id = ${artifact.id}`);
          await closeReports(tx, artifact.id, null, actionId);
          return { status: "ok", actionId } as const;
        }
        case "restore": {
          if (!artifact.hidden_at)
            return { status: "refused", message: "This artifact is not hidden." } as const;
          const actionId = await record(tx, row);
          await tx.execute(sql`update artifacts set hidden_at = null where id = ${artifact.id}`);
          await closeReports(tx, artifact.id, null, actionId);
          await closeAppeal(tx, artifact.id);
          return { status: "ok", actionId } as const;
        }
        case "dismiss": {
          // Keeps the item as it is: closes its reports, and for a hidden artifact its appeal.
          const actionId = await record(tx, row);
          const closed =
            (await closeReports(tx, artifact.id, commentId, actionId)) +
            (commentId ? 0 : await closeAppeal(tx, artifact.id));
          if (closed === 0) {
            // Nothing to dismiss: undo the record by failing the transaction with a sentence.
            throw new Refusal("There is nothing open on this item to dismiss.");
          }
          return { status: "ok", actionId } as const;
        }
        case "delete_comment": {
          const actionId = await record(tx, row);
          await closeReports(tx, artifact.id, commentId, actionId);
          await tx.execute(sql`
          with del as (delete from comments where id = ${commentId} returning artifact_id)
          update artifacts set comments_count = comments_count - 1
          where id = (select artifact_id from del)`);
          return { status: "ok", actionId } as const;
        }
      }
    })
    .catch((err: unknown) => {
      if (err instanceof Refusal) return { status: "refused", message: err.message } as const;
      throw err;
    });
}

class Refusal extends Error {}

/** A moderator action, in a write slot (db/busy.ts). */
export const moderate = (...args: Parameters<typeof moderateUngated>) =>
  withWriteSlot(() => moderateUngated(...args));
