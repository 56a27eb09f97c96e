import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactMedia, artifactVersions, artifacts } from "@/db/schema";
import { artifactsAs, visibleTo } from "./visibility";

export type MediaKind = "thumb" | "screenshot";

/**
 * The stored URL of an artifact's thumbnail or screenshot, or null when there is none or the
 * viewer may not see the artifact (the two answer the same 404).
 */
export async function getMediaForViewer({
  artifactId,
  viewerId,
  kind,
}: {
  artifactId: string;
  viewerId: string | null;
  kind: MediaKind;
}): Promise<string | null> {
  const [row] = await db
    .select({ url: kind === "thumb" ? artifactMedia.thumbUrl : artifactMedia.screenshotUrl })
    .from(artifactMedia)
    .innerJoin(artifacts, eq(artifacts.id, artifactMedia.artifactId))
    .where(and(eq(artifactMedia.artifactId, artifactId), visibleTo(artifacts, viewerId)))
    .limit(1);
  return row?.url ?? null;
}

/** What the thumbnail job renders: the current version's code (system read, no viewer). */
export async function getRenderSource(artifactId: string) {
  const [row] = await db
    .select({
      title: artifacts.title,
      versionId: artifactVersions.id,
      language: artifactVersions.codeLanguage,
      code: artifactVersions.codeContent,
    })
    .from(artifacts)
    .innerJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(eq(artifacts.id, artifactId))
    .limit(1);
  return row ?? null;
}

/** Saves the new media and returns the previous URLs (so the old files can be removed). */
export async function upsertArtifactMedia({
  artifactId,
  screenshotUrl,
  thumbUrl,
}: {
  artifactId: string;
  screenshotUrl: string;
  thumbUrl: string;
}): Promise<{
  previous: { screenshotUrl: string | null; thumbUrl: string | null } | null;
  saved: boolean;
}> {
  const result = await db.execute(sql`
    with old as (select screenshot_url, thumb_url from artifact_media where artifact_id = ${artifactId}),
    up as (
      insert into artifact_media (artifact_id, screenshot_url, thumb_url)
      select id, ${screenshotUrl}, ${thumbUrl} from artifacts where id = ${artifactId}
      on conflict (artifact_id) do update set screenshot_url = excluded.screenshot_url,
        thumb_url = excluded.thumb_url, updated_at = now()
      returning artifact_id
    )
    select (select count(*) from up)::int as saved, (select screenshot_url from old) as screenshot_url,
      (select thumb_url from old) as thumb_url`);
  const row = result.rows[0] as {
    saved: number;
    screenshot_url: string | null;
    thumb_url: string | null;
  };
  return {
    saved: row.saved > 0,
    previous:
      row.screenshot_url || row.thumb_url
        ? { screenshotUrl: row.screenshot_url, thumbUrl: row.thumb_url }
        : null,
  };
}

/** What a social card shows: light columns only, behind the same visibility check as the page. */
export async function getArtifactCardData({
  id,
  viewerId,
}: {
  id: string;
  viewerId: string | null;
}) {
  const result = await db.execute(sql`
    select a.title, a.description, a.likes_count, a.public_forks_count as forks_count, a.comments_count,
      p.handle, p.display_name, v.code_language as language, m.screenshot_url as image_url
    from artifacts a
    left join profiles p on p.user_id = a.owner_user_id
    left join artifact_versions v on v.id = a.current_version_id
    left join artifact_media m on m.artifact_id = a.id
    where a.id = ${id} and ${visibleTo(artifactsAs("a"), viewerId)}`);
  return (
    (result.rows[0] as
      | {
          title: string;
          description: string | null;
          likes_count: number;
          forks_count: number;
          comments_count: number;
          handle: string | null;
          display_name: string | null;
          language: string | null;
          image_url: string | null;
        }
      | undefined) ?? null
  );
}

/** Artifacts with a version but no thumbnail yet (newest first), for the worker's start-up backfill. */
export async function listArtifactsWithoutMedia(limit: number): Promise<string[]> {
  const result = await db.execute(sql`
    select a.id from artifacts a
    where a.current_version_id is not null
      and not exists (select 1 from artifact_media m where m.artifact_id = a.id)
    order by a.created_at desc limit ${limit}`);
  return (result.rows as { id: string }[]).map((r) => r.id);
}
