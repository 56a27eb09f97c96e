import "server-only";
import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { artifacts } from "@/db/schema";

/** The `artifacts` table or any alias of it (`artifactsAs("p")`, drizzle's `alias(artifacts, "p")`). */
export type ArtifactsTable = {
  visibility: AnyPgColumn;
  ownerUserId: AnyPgColumn;
  versioningEnabled: AnyPgColumn;
  hiddenAt: AnyPgColumn;
};

/**
 * An alias of `artifacts` for raw SQL that names its rows (`from artifacts a`, recursive CTEs):
 * `${visibleTo(artifactsAs("a"), viewerId)}` renders as `("a"."visibility" = 'public' or ...)`.
 */
export function artifactsAs(name: string) {
  return alias(artifacts, name);
}

/**
 * Public and not hidden by a moderator (013_moderation.sql); moderators also see hidden public
 * artifacts. The role lookup is an uncorrelated EXISTS on user_roles' primary key: PostgreSQL
 * evaluates it once per statement, so listings keep their (visibility, …) indexes.
 */
function publicFor(table: ArtifactsTable, viewerId: string | null | undefined): SQL {
  const unhidden = viewerId
    ? (or(
        isNull(table.hiddenAt),
        sql`exists (select 1 from user_roles where user_id = ${viewerId} and role = 'moderator')`,
      ) as SQL)
    : isNull(table.hiddenAt);
  return and(eq(table.visibility, "public"), unhidden) as SQL;
}

/**
 * The one authorisation predicate for reading artifacts: public ones (not hidden by a moderator,
 * unless the viewer is one), plus the viewer's own. Every read of `artifacts` on behalf of a viewer
 * goes through this (db/queries/visibility.test.ts checks that statically), with the table or the
 * alias the query reads.
 */
export function visibleTo(table: ArtifactsTable, viewerId: string | null | undefined): SQL {
  return viewerId
    ? (or(publicFor(table, viewerId), eq(table.ownerUserId, viewerId)) as SQL)
    : publicFor(table, null);
}

/**
 * Who may see an artifact's history (old versions, the version list, diffs): the owner always;
 * others only when it is public and its owner left "show version history" on.
 */
export function historyVisibleTo(table: ArtifactsTable, viewerId: string | null | undefined): SQL {
  const open = and(publicFor(table, viewerId), eq(table.versioningEnabled, true)) as SQL;
  return viewerId ? (or(open, eq(table.ownerUserId, viewerId)) as SQL) : open;
}
