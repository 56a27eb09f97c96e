import "server-only";
import { eq, or, type SQL } from "drizzle-orm";
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

/** The text form of a timestamptz with microseconds, for keyset cursors. */
export const TS_TEXT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
