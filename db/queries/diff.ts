import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import type { SideRef } from "@/domain/diff/side-ref";
import { historyVisibleTo, visibleTo } from "./visibility";

/**
 * Who may see a side of a diff: the artifact must be visible, and its history too — a diff
 * shows old versions by nature, so it follows the history rule even when both sides are current.
 */
function sideVisibleTo(viewerId: string | null): SQL {
  return and(visibleTo(artifacts, viewerId), historyVisibleTo(artifacts, viewerId)) as SQL;
}

/** Exactly the columns a side needs: one version's code, never the rest of the history. */
const sideColumns = {
  id: artifactVersions.id,
  artifactId: artifactVersions.artifactId,
  artifactTitle: artifacts.title,
  versionIndex: artifactVersions.versionIndex,
  label: artifactVersions.label,
  summary: artifactVersions.summary,
  createdAt: artifactVersions.createdAt,
  codeLanguage: artifactVersions.codeLanguage,
  codeContent: artifactVersions.codeContent,
  parentVersionId: artifactVersions.parentVersionId,
  currentVersionId: artifacts.currentVersionId,
};

export type DiffSideRow = {
  id: string;
  artifactId: string;
  artifactTitle: string;
  versionIndex: number;
  label: string | null;
  summary: string | null;
  createdAt: Date;
  codeLanguage: string;
  codeContent: string;
  parentVersionId: string | null;
  currentVersionId: string | null;
};

async function loadSide(where: SQL, viewerId: string | null): Promise<DiffSideRow | null> {
  const [row] = await db
    .select(sideColumns)
    .from(artifactVersions)
    .innerJoin(artifacts, eq(artifacts.id, artifactVersions.artifactId))
    .where(and(where, sideVisibleTo(viewerId)))
    .limit(1);
  return row ?? null;
}

const byIndex = (artifactId: string, index: number) =>
  and(eq(artifactVersions.artifactId, artifactId), eq(artifactVersions.versionIndex, index)) as SQL;

export type DiffSides = {
  artifact: {
    id: string;
    title: string;
    ownerUserId: string;
    ownerHandle: string | null;
    currentVersionId: string | null;
    versioningEnabled: boolean;
  };
  from: DiffSideRow;
  to: DiffSideRow;
};

/**
 * The two versions of a diff page, or null when the artifact, either side or the viewer's right
 * to see them is missing — deliberately indistinguishable. Defaults: `to` = the current version,
 * `from` = the version `to` was made from (across a fork too, when visible), else the one before it.
 */
export async function getDiffSides({
  artifactId,
  from,
  to,
  viewerId,
}: {
  artifactId: string;
  from: SideRef | null;
  to: SideRef | null;
  viewerId: string | null;
}): Promise<DiffSides | null> {
  const [artifact] = await db
    .select({
      id: artifacts.id,
      title: artifacts.title,
      ownerUserId: artifacts.ownerUserId,
      ownerHandle: profiles.handle,
      currentVersionId: artifacts.currentVersionId,
      versioningEnabled: artifacts.versioningEnabled,
      currentIndex: artifactVersions.versionIndex,
    })
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(and(eq(artifacts.id, artifactId), sideVisibleTo(viewerId)))
    .limit(1);
  if (!artifact || artifact.currentIndex === null) return null;

  const toRef = to ?? { artifactId, index: artifact.currentIndex };
  const [toSide, explicitFrom] = await Promise.all([
    loadSide(byIndex(toRef.artifactId ?? artifactId, toRef.index), viewerId),
    from ? loadSide(byIndex(from.artifactId ?? artifactId, from.index), viewerId) : null,
  ]);
  if (!toSide || (from && !explicitFrom)) return null;

  let fromSide = explicitFrom;
  if (!fromSide && toSide.parentVersionId) {
    fromSide = await loadSide(eq(artifactVersions.id, toSide.parentVersionId), viewerId);
  }
  if (!fromSide && toSide.versionIndex > 1) {
    fromSide = await loadSide(byIndex(toSide.artifactId, toSide.versionIndex - 1), viewerId);
  }
  const { currentIndex: _unused, ...head } = artifact;
  return { artifact: head, from: fromSide ?? toSide, to: toSide };
}

export type VersionOption = {
  id: string;
  versionIndex: number;
  label: string | null;
  createdAt: Date;
};

export const VERSION_OPTIONS_LIMIT = 200;

/**
 * Metadata of an artifact's newest versions for the diff page's picker: no code, newest first,
 * capped (a picker of 10k entries helps no one; the history page pages through the rest).
 */
export async function listVersionOptions({
  artifactId,
  viewerId,
  limit = VERSION_OPTIONS_LIMIT,
}: {
  artifactId: string;
  viewerId: string | null;
  limit?: number;
}): Promise<VersionOption[]> {
  return db
    .select({
      id: artifactVersions.id,
      versionIndex: artifactVersions.versionIndex,
      label: artifactVersions.label,
      createdAt: artifactVersions.createdAt,
    })
    .from(artifactVersions)
    .innerJoin(artifacts, eq(artifacts.id, artifactVersions.artifactId))
    .where(and(eq(artifactVersions.artifactId, artifactId), sideVisibleTo(viewerId)))
    .orderBy(desc(artifactVersions.versionIndex))
    .limit(limit);
}
