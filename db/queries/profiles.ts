import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifacts, profiles } from "@/db/schema";

/** Handles are case-insensitive: the lookup uses the lower(handle) unique index. */
export async function getProfileByHandle(handle: string) {
  if (handle.length > 64) return null;
  const [row] = await db
    .select()
    .from(profiles)
    .where(sql`lower(${profiles.handle}) = lower(${handle})`)
    .limit(1);
  return row ?? null;
}

/** Counts of public things only: private artifacts never show in anyone else's numbers. */
export async function getProfileStats(userId: string) {
  const [row] = await db
    .select({
      publicArtifacts: sql<number>`count(*)::int`,
      likesReceived: sql<number>`coalesce(sum(${artifacts.likesCount}), 0)::int`,
      // forks_count includes private forks, which must never show in anyone else's numbers: count
      // the public forks of these public artifacts instead (artifacts_forked_from_idx per parent).
      forksReceived: sql<number>`coalesce(sum((select count(*) from artifacts f
        where f.forked_from_id = "artifacts"."id" and f.visibility = 'public')), 0)::int`,
    })
    .from(artifacts)
    .where(and(eq(artifacts.ownerUserId, userId), eq(artifacts.visibility, "public")));
  return row ?? { publicArtifacts: 0, likesReceived: 0, forksReceived: 0 };
}
