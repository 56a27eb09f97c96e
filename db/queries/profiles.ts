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
      forksReceived: sql<number>`coalesce(sum(${artifacts.forksCount}), 0)::int`,
    })
    .from(artifacts)
    .where(and(eq(artifacts.ownerUserId, userId), eq(artifacts.visibility, "public")));
  return row ?? { publicArtifacts: 0, likesReceived: 0, forksReceived: 0 };
}
