import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every function in db/queries that reads `artifacts` on behalf of a viewer must go through
// visibleTo()/historyVisibleTo() (directly or through a helper in the same file that does). This
// reads the source, so a new query that forgets the predicate fails here before any data leaks.
// The few functions that read artifacts for another reason are listed below, each with why.

const QUERIES_DIR = path.resolve(import.meta.dirname);
const PREDICATES = new Set(["visibleTo", "historyVisibleTo"]);

/** Functions that read `artifacts` without the viewer predicate, and the reason that is right. */
const NOT_ON_BEHALF_OF_A_VIEWER: Record<string, string> = {
  "artifacts.createArtifactUngated":
    "a write by the signed-in owner; reads back only the row it inserted",
  "artifacts.getArtifactForOwner":
    "owner-only read: where owner_user_id = the signed-in user (edit and settings pages)",
  "artifacts.updateArtifactSettings": "owner write: owner_user_id is in the WHERE",
  "artifacts.deleteArtifact": "owner write: owner_user_id is in the WHERE",
  "versions.insertNextVersion": "owner write, called after lockOwnedArtifact",
  "versions.lockOwnedArtifact": "owner write lock: owner_user_id is in the WHERE",
  "users.deleteUser": "the signed-in user's own artifacts (their media files), by owner_user_id",
  "fork-tree.nodeColumns":
    "a column list, not a query: getTreeNode and forkChildrenQuery apply visibleTo (its fork count adds only forks visibleTo the viewer)",
  "gallery.cardSelection":
    "a column list, not a query: galleryQuery and listLikedArtifacts apply visibleTo",
  "gallery.recomputeTrendingScores": "system job, no viewer: recomputes a counter, returns nothing",
  "media.getRenderSource":
    "thumbnail worker (system, no viewer); nothing it reads reaches a response",
  "media.upsertArtifactMedia": "thumbnail worker write (system, no viewer)",
  "media.listArtifactsWithoutMedia":
    "thumbnail worker start-up backfill (system, no viewer); returns ids only",
  "profiles.isFork": "a predicate fragment, not a query: listProfileArtifacts applies visibleTo",
  "archive-import.importArchiveUngated":
    "a write by the signed-in importer: inserts a new artifact it owns and reads back only that row",
  "archive-export.isoText":
    "a column formatter, not a query: getExportHeader and listExportVersions apply visibleTo",
  "archive-import.getImportProvenance": "owner-only read: where owner_user_id = the signed-in user",
  "page-cache.beginPageRender":
    "system read for cache tags: the owner and fork-family ids of the artifacts a URL names; returns tags, never content",
  "gallery-search.ownersWhere": "a predicate fragment, not a query: galleryQuery applies visibleTo",
  "gallery-search.searchCondition":
    "a predicate fragment, not a query: galleryQuery applies visibleTo",
};

type QueryFunction = { file: string; name: string; node: ts.Node; text: string };

function topLevelFunctions(file: string): QueryFunction[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(path.join(QUERIES_DIR, file), "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: QueryFunction[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push({
        file,
        name: statement.name.text,
        node: statement,
        text: statement.getText(source),
      });
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        // Functions only: a module-level `alias(artifacts, ...)` is a name, not a read.
        const fn =
          init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? init : null;
        if (fn && ts.isIdentifier(decl.name))
          found.push({ file, name: decl.name.text, node: decl, text: decl.getText(source) });
      }
    }
  }
  return found;
}

/** Names called anywhere inside a node. */
function calledNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) names.add(n.expression.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

/** Whether the function reads the artifacts table: the drizzle table (or an alias of it), or raw SQL. */
function readsArtifacts(fn: QueryFunction): boolean {
  let usesTable = false;
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) && n.text === "artifacts" && !ts.isPropertyAssignment(n.parent))
      usesTable = true;
    ts.forEachChild(n, visit);
  };
  visit(fn.node);
  return usesTable || /\b(from|join)\s+artifacts\b/i.test(fn.text);
}

function queryFiles(): string[] {
  return readdirSync(QUERIES_DIR).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "visibility.ts",
  );
}

/** Functions of db/queries that read artifacts without the predicate (and are not listed above). */
function unguardedArtifactReads(files = queryFiles()): string[] {
  const offenders: string[] = [];
  for (const file of files) {
    const fns = topLevelFunctions(file);
    // A helper in the same file that applies the predicate counts as applying it.
    const guarded = new Set<string>(PREDICATES);
    let grew = true;
    while (grew) {
      grew = false;
      for (const fn of fns) {
        if (!guarded.has(fn.name) && [...calledNames(fn.node)].some((name) => guarded.has(name))) {
          guarded.add(fn.name);
          grew = true;
        }
      }
    }
    for (const fn of fns) {
      const key = `${file.replace(/\.ts$/, "")}.${fn.name}`;
      if (readsArtifacts(fn) && !guarded.has(fn.name) && !(key in NOT_ON_BEHALF_OF_A_VIEWER))
        offenders.push(key);
    }
  }
  return offenders;
}

describe("every read of artifacts goes through visibleTo()", () => {
  it("finds no function in db/queries that reads artifacts without the predicate", () => {
    expect(unguardedArtifactReads()).toEqual([]);
  });

  it("lists only functions that exist and really skip the predicate (no stale exemptions)", () => {
    const all = new Map(
      queryFiles().flatMap((f) =>
        topLevelFunctions(f).map((fn) => [`${f.replace(/\.ts$/, "")}.${fn.name}`, fn]),
      ),
    );
    for (const key of Object.keys(NOT_ON_BEHALF_OF_A_VIEWER)) {
      const fn = all.get(key);
      expect(fn, `${key} no longer exists`).toBeDefined();
      expect(readsArtifacts(fn!), `${key} no longer reads artifacts`).toBe(true);
      expect(
        [...calledNames(fn!.node)].some((n) => PREDICATES.has(n)),
        `${key} now uses the predicate`,
      ).toBe(false);
    }
  });
});
