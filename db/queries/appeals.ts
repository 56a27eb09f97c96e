import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactsAs, visibleTo } from "./visibility";

// What the owner of a hidden artifact (and a moderator) sees on its page, and the owner's one
// appeal per hide (moderation_appeals_one_per_hide_idx: a second one collides, changes nothing).

export type ModerationNotice = {
  hiddenAt: string;
  /** The moderator's reason for the latest hide. */
  reason: string;
  appeal: { body: string; createdAt: string; resolved: boolean } | null;
  /** The viewer is the owner and has not appealed this hide yet. */
  canAppeal: boolean;
  viewerIsOwner: boolean;
};

/**
 * The notice for a hidden artifact, for its owner or a moderator; null for anyone else, or when it
 * is not hidden (visibleTo already makes a hidden artifact no row for everyone else).
 */
export async function getModerationNotice({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<ModerationNotice | null> {
  if (!viewerId) return null;
  const result = await db.execute(sql`
    select a.hidden_at::text as hidden_at, a.owner_user_id = ${viewerId} as is_owner,
      h.reason, p.body as appeal_body, p.created_at::text as appeal_at,
      p.resolved_at is not null as appeal_resolved
    from artifacts a
    left join lateral (
      select id, reason from moderation_actions m
      where m.artifact_id = a.id and m.action = 'hide'
      order by m.created_at desc, m.id desc limit 1
    ) h on true
    left join moderation_appeals p on p.hide_action_id = h.id
    where a.id = ${artifactId} and a.hidden_at is not null
      and ${visibleTo(artifactsAs("a"), viewerId)}`);
  const row = result.rows[0] as
    | {
        hidden_at: string;
        is_owner: boolean;
        reason: string | null;
        appeal_body: string | null;
        appeal_at: string | null;
        appeal_resolved: boolean;
      }
    | undefined;
  if (!row) return null;
  return {
    hiddenAt: new Date(row.hidden_at).toISOString(),
    reason: row.reason ?? "",
    appeal: row.appeal_body
      ? {
          body: row.appeal_body,
          createdAt: new Date(row.appeal_at!).toISOString(),
          resolved: row.appeal_resolved,
        }
      : null,
    canAppeal: row.is_owner && !row.appeal_body,
    viewerIsOwner: row.is_owner,
  };
}

export type AppealResult =
  | { status: "ok" }
  | { status: "not-found" }
  | { status: "not-hidden" }
  | { status: "already-appealed" };

async function appealHidingUngated({
  ownerId,
  artifactId,
  body,
}: {
  ownerId: string;
  artifactId: string;
  body: string;
}): Promise<AppealResult> {
  const result = await db.execute(sql`
    with target as (
      select a.id, a.hidden_at from artifacts a
      where a.id = ${artifactId} and a.owner_user_id = ${ownerId}
        and ${visibleTo(artifactsAs("a"), ownerId)}
    ), hide as (
      select m.id from moderation_actions m, target t
      where t.hidden_at is not null and m.artifact_id = t.id and m.action = 'hide'
      order by m.created_at desc, m.id desc limit 1
    ), ins as (
      insert into moderation_appeals (hide_action_id, artifact_id, owner_user_id, body)
      select hide.id, ${artifactId}, ${ownerId}, ${body} from hide
      on conflict (hide_action_id) do nothing
      returning id
    )
    select (select count(*) from target)::int as found, (select count(*) from hide)::int as hidden,
      (select count(*) from ins)::int as inserted`);
  const row = result.rows[0] as { found: number; hidden: number; inserted: number };
  if (Number(row.found) === 0) return { status: "not-found" };
  if (Number(row.hidden) === 0) return { status: "not-hidden" };
  return Number(row.inserted) > 0 ? { status: "ok" } : { status: "already-appealed" };
}

/** The owner's appeal, in a write slot (db/busy.ts). */
export const appealHiding = (...args: Parameters<typeof appealHidingUngated>) =>
  withWriteSlot(() => appealHidingUngated(...args));
