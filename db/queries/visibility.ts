import "server-only";
import { and, eq, or, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { artifacts } from "@/db/schema";

/** The `artifacts` table or any alias of it (`artifactsAs("p")`, drizzle's `alias(artifacts, "p")`). */
export type ArtifactsTable = {
  visibility: AnyPgColumn;
  ownerUserId: AnyPgColumn;
  versioningEnabled: AnyPgColumn;
};

/**
 * An alias of `artifacts` for raw SQL that names its rows (`from artifacts a`, recursive CTEs):
 * `${visibleTo(artifactsAs("a"), viewerId)}` renders as `("a"."visibility" = 'public' or ...)`.
 */
export function artifactsAs(name: string) {
  return alias(artifacts, name);
}

/**
 * The one authorisation predicate for reading artifacts: public ones, plus the viewer's own.
 * Every read of `artifacts` on behalf of a viewer goes through this (db/queries/visibility.test.ts
 * checks that statically), with the table or the alias the query reads.
 */
export function visibleTo(table: ArtifactsTable, viewerId: string | null | undefined): SQL {
  return viewerId
    ? (or(eq(table.visibility, "public"), eq(table.ownerUserId, viewerId)) as SQL)
    : (eq(table.visibility, "public") as SQL);
}

/**
 * Who may see an artifact's history (old versions, the version list, diffs): the owner always;
 * others only when it is public and its owner left "show version history" on.
 */
export function historyVisibleTo(table: ArtifactsTable, viewerId: string | null | undefined): SQL {
  const open = and(eq(table.visibility, "public"), eq(table.versioningEnabled, true)) as SQL;
  return viewerId ? (or(open, eq(table.ownerUserId, viewerId)) as SQL) : open;
}
