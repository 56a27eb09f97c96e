import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { artifacts } from "@/db/schema";
import { artifactsAs, visibleTo } from "./visibility";

/**
 * How many direct forks of `parentId` (an id or a column) the viewer may see, beyond the ones anyone
 * may see. Those are counted on the parent by triggers (`public_forks_count`, 007/013); a signed-in
 * viewer also sees the direct forks that are not public-and-unhidden but visible to them — their
 * own private or hidden ones, hidden ones for moderators — read from a partial index of only those
 * rows (020, artifacts_forked_from_unlisted_idx). Anonymous: 0, no query.
 */
export function unlistedForksVisibleTo(parentId: SQL, viewerId: string | null): SQL {
  if (!viewerId) return sql`0`;
  return sql`(select count(*) from ${artifacts} u where u.forked_from_id = ${parentId}
    and not (u.visibility = 'public' and u.hidden_at is null)
    and ${visibleTo(artifactsAs("u"), viewerId)})`;
}
