import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import { artifacts } from "@/db/schema";

/**
 * The one authorisation predicate for reading artifacts: public ones, plus the viewer's own.
 * Every read of `artifacts` on behalf of a viewer goes through this.
 */
export function visibleTo(viewerId: string | null | undefined): SQL {
  return viewerId
    ? (or(eq(artifacts.visibility, "public"), eq(artifacts.ownerUserId, viewerId)) as SQL)
    : eq(artifacts.visibility, "public");
}


/**
 * Who may see an artifact's history (old versions, the version list, diffs): the owner always;
 * others only when it is public and its owner left "show version history" on.
 */
export function historyVisibleTo(viewerId: string | null | undefined): SQL {
  const open = and(eq(artifacts.visibility, "public"), eq(artifacts.versioningEnabled, true)) as SQL;
  return viewerId ? (or(open, eq(artifacts.ownerUserId, viewerId)) as SQL) : open;
}
