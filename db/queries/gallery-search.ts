import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { artifacts, profiles } from "@/db/schema";

// What Explore's search box means. Free text matches the title and description (trigram
// expression index) or the owner's handle or display name (trigram indexes on profiles, migrations
// 004 and 015); "@mira" means artifacts by the owner whose handle is or starts with "mira", and may
// be combined with words ("@mira clock").

/**
 * A term can match thousands of handles ("dev" …); the closest (shortest) ones are the people meant,
 * and a bounded list keeps the owner condition an index lookup instead of a per-row scan of a huge
 * array (8 s → ms on the benchmark's "bench_1", which matches 11k handles).
 */
const OWNER_MATCHES = 50;

const HANDLE_TOKEN = /(^|\s)@([A-Za-z0-9_-]{1,64})(?=\s|$)/;

/** `%term%` for ILIKE, with the user's own % _ and \ taken literally. */
export function likePattern(q: string): string {
  return `%${escapeLike(q)}%`;
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Splits "@mira clock" into the handle and the remaining words. */
export function parseSearch(q: string): { handle: string | null; text: string } {
  const match = HANDLE_TOKEN.exec(q);
  if (!match) return { handle: null, text: q.trim() };
  const text = (q.slice(0, match.index) + " " + q.slice(match.index + match[0].length)).trim();
  return { handle: match[2]!, text };
}

function ownersWhere(condition: SQL, order: SQL) {
  return sql`${artifacts.ownerUserId} = any (array(select ${profiles.userId} from ${profiles}
    where ${condition} order by ${order}, ${profiles.handle} limit ${OWNER_MATCHES}))`;
}

/** The WHERE condition for a search box value (already trimmed and length-checked by the params). */
export function searchCondition(q: string): SQL | undefined {
  const { handle, text } = parseSearch(q);
  const conditions: SQL[] = [];
  if (handle) {
    // The exact handle through profiles_handle_lower_idx, a prefix through the trigram index.
    conditions.push(
      ownersWhere(
        sql`(lower(${profiles.handle}) = lower(${handle}) or ${profiles.handle} ilike ${escapeLike(handle) + "%"})`,
        sql`length(${profiles.handle})`,
      ),
    );
  }
  if (text) {
    const pattern = likePattern(text);
    // The planner BitmapOrs the title/description index with the owner lookup.
    conditions.push(
      sql`((${artifacts.title} || ' ' || coalesce(${artifacts.description}, '')) ilike ${pattern}
        or ${ownersWhere(
          sql`(${profiles.handle} ilike ${pattern} or ${profiles.displayName} ilike ${pattern})`,
          sql`length(${profiles.handle})`,
        )})`,
    );
  }
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : sql`(${sql.join(conditions, sql` and `)})`;
}
