// Demo content for `npm start` (first start of the embedded database), `npm run db:seed` and the e2e
// harness: the users of data/fixtures/demo/users.ts and the artifacts of data/fixtures/demo/*.ts,
// with code from data/fixtures/demo/code. Deterministic (ids derived from names, dates at fixed
// offsets from "now"), idempotent (skipped when any demo account, handle or artifact exists), and
// all-or-nothing (one transaction).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, inArray, sql } from "drizzle-orm";
import {
  DEMO_ARTIFACTS,
  DEMO_USERS,
  type ChatMessage,
  type DemoArtifact,
} from "@/data/fixtures/demo";
import { hashPassword } from "@/lib/auth/password";
import { versionContentFields } from "@/lib/version-content";
import { versionName } from "@/domain/versions";
import type { Database } from "./client";
import { seedSocial } from "./seed-social";
import { artifactVersions, artifacts, profiles, users } from "./schema";

export type SeedResult = { created: boolean; users: number; artifacts: number };

/** Every demo user's password (README, e2e/fixtures.ts). */
export const DEMO_PASSWORD = "vitrine-demo-password";
export const demoEmail = (handle: string) => `${handle}@demo.vitrine.dev`;

/** A stable uuid (RFC 4122 version 4 layout, so parseId accepts it) derived from a name. */
export function stableUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export const demoUserId = (handle: string) => stableUuid(`demo-user:${handle}`);
/** The id of a demo artifact by its manifest key (e.g. "snake"), for tests and e2e specs. */
export const demoArtifactId = (key: string) => stableUuid(`demo-artifact:${key}`);
export const demoVersionId = (key: string, index: number) =>
  stableUuid(`demo-version:${key}:${index}`);

const CODE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../data/fixtures/demo/code",
);
const DAY_MS = 86_400_000;
// Any constant; two processes seeding the same database at once take turns on it.
const SEED_LOCK_KEY = 7_311_020_2;

type BuiltVersion = typeof artifactVersions.$inferInsert & {
  id: string;
  versionIndex: number;
  codeContent: string;
  createdAt: Date;
};
type BuiltArtifact = {
  def: DemoArtifact;
  row: typeof artifacts.$inferInsert & { id: string; createdAt: Date };
  versions: BuiltVersion[];
};

function applyReplacements(code: string, replace: [string, string][], where: string): string {
  let out = code;
  for (const [from, to] of replace) {
    if (!out.includes(from))
      throw new Error(
        `Demo fixture ${where}: text to replace not found: ${JSON.stringify(from.slice(0, 80))}`,
      );
    out = out.split(from).join(to);
  }
  return out;
}

const chatOf = (messages: ChatMessage[] | undefined) => (messages ? { messages } : null);

/** Turns the manifest into rows, sources before forks, checking every reference and every date. */
export function buildDemo(now: Date): { built: BuiltArtifact[] } {
  const base = Math.floor(now.getTime() / 60_000) * 60_000;
  const at = (daysAgo: number) => new Date(base - Math.round(daysAgo * DAY_MS));
  const byKey = new Map(DEMO_ARTIFACTS.map((a) => [a.key, a]));
  const done = new Map<string, BuiltArtifact>();
  const owners = new Set(DEMO_USERS.map((u) => u.handle));

  const build = (def: DemoArtifact, trail: string[]): BuiltArtifact => {
    const existing = done.get(def.key);
    if (existing) return existing;
    if (trail.includes(def.key))
      throw new Error(`Demo fixtures: cycle ${[...trail, def.key].join(" → ")}`);
    if (!owners.has(def.owner))
      throw new Error(`Demo fixture ${def.key}: unknown owner ${def.owner}`);
    const need = (key: string) => {
      const dep = byKey.get(key);
      if (!dep) throw new Error(`Demo fixture ${def.key}: unknown artifact ${key}`);
      return build(dep, [...trail, def.key]);
    };
    const sourceVersion = (key: string, index: number) => {
      const v = need(key).versions[index - 1];
      if (!v) throw new Error(`Demo fixture ${def.key}: ${key} has no version ${index}`);
      return v;
    };

    const id = demoArtifactId(def.key);
    const edits = def.edits ?? [];
    const count = edits.length + 1;
    const step = def.stepDays ?? Math.min(2, (def.createdDaysAgo - 0.25) / count);
    const createdAt = at(def.createdDaysAgo);
    const visibility = def.visibility ?? "public";
    const meta = (source: Record<string, unknown>) => ({ title: def.title, visibility, source });

    let parent: BuiltArtifact | null = null;
    let first: {
      code: string;
      parentId: string | null;
      parentCode: string | null;
      source: Record<string, unknown>;
    };
    if (def.forkOf) {
      parent = need(def.forkOf.artifact);
      const src = sourceVersion(def.forkOf.artifact, def.forkOf.version);
      if (src.createdAt > createdAt)
        throw new Error(`Demo fixture ${def.key}: forks a version that is newer than the fork`);
      first = {
        code: src.codeContent,
        parentId: src.id,
        parentCode: src.codeContent,
        source: { kind: "fork", artifact_id: parent.row.id, version_id: src.id },
      };
    } else {
      if (!def.file) throw new Error(`Demo fixture ${def.key}: needs a file or forkOf`);
      first = {
        code: readFileSync(path.join(CODE_DIR, def.file), "utf8"),
        parentId: null,
        parentCode: null,
        source: { kind: "publish" },
      };
    }

    const versions: BuiltVersion[] = [];
    const push = (
      index: number,
      code: string,
      parentId: string | null,
      parentCode: string | null,
      extra: Partial<BuiltVersion>,
    ) => {
      const { codeBlobRef, codeReferences, stats } = versionContentFields(code, parentCode);
      const chat = extra.chat ?? null;
      versions.push({
        id: demoVersionId(def.key, index),
        artifactId: id,
        versionIndex: index,
        createdAt: at(def.createdDaysAgo - (index - 1) * step),
        codeLanguage: def.language,
        codeContent: code,
        codeBlobRef,
        codeReferences,
        stats,
        parentVersionId: parentId,
        sessionId: chat ? `demo-session-${def.key}-${index}` : null,
        ...extra,
      });
    };

    // A fork's first version never quotes its parent's title (the parent may turn private): the
    // history derives "Forked from …" per viewer.
    const firstSummary = def.summary ?? (def.forkOf ? null : "First version");
    push(1, first.code, first.parentId, first.parentCode, {
      summary: firstSummary,
      label: def.label ?? null,
      chat: chatOf(def.chat),
      versionMetadata: meta(first.source),
    });
    edits.forEach((edit, i) => {
      const index = i + 2;
      const prev = versions[i]!;
      let code: string;
      let source: Record<string, unknown>;
      if (edit.restore !== undefined) {
        const old = versions[edit.restore - 1];
        if (!old)
          throw new Error(`Demo fixture ${def.key} v${index}: cannot restore v${edit.restore}`);
        code = old.codeContent;
        source = { kind: "restore", version_id: old.id, version_index: old.versionIndex };
      } else if (edit.importFrom) {
        const src = sourceVersion(edit.importFrom.artifact, edit.importFrom.version);
        code = src.codeContent;
        source = {
          kind: "import",
          artifact_id: demoArtifactId(edit.importFrom.artifact),
          version_id: src.id,
        };
      } else {
        code = applyReplacements(prev.codeContent, edit.replace ?? [], `${def.key} v${index}`);
        source = { kind: "edit", from_version_id: prev.id };
      }
      push(index, code, prev.id, prev.codeContent, {
        summary: edit.summary,
        label: edit.label ?? null,
        chat: chatOf(edit.chat),
        versionMetadata: meta(source),
      });
      if (edit.importFrom) {
        const src = sourceVersion(edit.importFrom.artifact, edit.importFrom.version);
        if (src.createdAt > versions[index - 1]!.createdAt)
          throw new Error(`Demo fixture ${def.key} v${index}: imports a version from the future`);
      }
    });
    const newest = versions[versions.length - 1]!;
    if (newest.createdAt.getTime() > base)
      throw new Error(`Demo fixture ${def.key}: versions run into the future`);

    const src = def.forkOf ? parent!.versions[def.forkOf.version - 1]! : null;
    const built: BuiltArtifact = {
      def,
      versions,
      row: {
        id,
        ownerUserId: demoUserId(def.owner),
        title: def.title,
        description: def.description,
        visibility,
        createdAt,
        updatedAt: newest.createdAt,
        forkedFromId: parent?.row.id ?? null,
        forkedFromOwnerUserId: parent?.row.ownerUserId ?? null,
        forkedFromVersionId: src?.id ?? null,
        forkedFromVersionLabel: src ? versionName(src) : null,
        originArtifactId: parent ? (parent.row.originArtifactId ?? parent.row.id) : null,
        originOwnerUserId: parent ? (parent.row.originOwnerUserId ?? parent.row.ownerUserId) : null,
        currentVersionId: newest.id,
        versioningEnabled: def.versioningEnabled ?? true,
        chatHistoryPublic: def.chatHistoryPublic ?? false,
      },
    };
    done.set(def.key, built);
    return built;
  };

  for (const def of DEMO_ARTIFACTS) build(def, []);
  // Insertion order = build order: every source is built (and so inserted) before its forks.
  const built = [...done.values()];
  for (const a of built) {
    a.row.forksCount = built.filter((b) => b.row.forkedFromId === a.row.id).length;
    a.row.importsCount = built
      .flatMap((b) => b.versions)
      .filter(
        (v) =>
          (v.versionMetadata as { source: { kind: string; artifact_id?: string } }).source.kind ===
          "import",
      )
      .filter(
        (v) =>
          (v.versionMetadata as { source: { artifact_id?: string } }).source.artifact_id ===
          a.row.id,
      ).length;
  }
  return { built };
}

/** Inserts the demo content once. A second call (or a concurrent one) changes nothing. */
export async function seedDemo(db: Database): Promise<SeedResult> {
  // "Already seeded" = any demo account, handle or artifact exists. Not just one marker user: if
  // that user deleted their account, a later start must not try to insert the others again (and
  // fail on their unique emails); and a real user who took a demo handle must not break start-up.
  const emails = DEMO_USERS.map((u) => demoEmail(u.handle));
  const handles = DEMO_USERS.map((u) => u.handle);
  const ids = DEMO_ARTIFACTS.map((a) => demoArtifactId(a.key));
  const already = async (q: Pick<Database, "execute">) => {
    const { rows } = await q.execute<{ found: boolean }>(sql`select
      exists (select 1 from ${users} where ${inArray(users.email, emails)})
      or exists (select 1 from ${profiles} where ${inArray(sql`lower(${profiles.handle})`, handles)})
      or exists (select 1 from ${artifacts} where ${inArray(artifacts.id, ids)}) as found`);
    return rows[0]?.found === true;
  };
  if (await already(db)) return { created: false, users: 0, artifacts: 0 };

  const { built } = buildDemo(new Date());
  // argon2 is slow on purpose: hash once, share the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const base = Date.now();

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await already(tx)) return { created: false, users: 0, artifacts: 0 };

    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        id: demoUserId(u.handle),
        email: demoEmail(u.handle),
        name: u.name,
        passwordHash,
        createdAt: new Date(base - u.joinedDaysAgo * DAY_MS),
      })),
    );
    await tx.insert(profiles).values(
      DEMO_USERS.map((u) => ({
        userId: demoUserId(u.handle),
        handle: u.handle,
        displayName: u.name,
        bio: u.bio,
        avatarUrl: null,
        age: u.age ?? null,
        gender: u.gender ?? null,
        city: u.city,
        country: u.country,
        createdAt: new Date(base - u.joinedDaysAgo * DAY_MS),
        updatedAt: new Date(base - u.joinedDaysAgo * DAY_MS),
      })),
    );
    // Version pointers are set after the versions exist (they reference each other both ways).
    await tx
      .insert(artifacts)
      .values(built.map((a) => ({ ...a.row, currentVersionId: null, forkedFromVersionId: null })));
    await tx.insert(artifactVersions).values(built.flatMap((a) => a.versions));
    for (const a of built) {
      await tx
        .update(artifacts)
        .set({
          currentVersionId: a.row.currentVersionId,
          forkedFromVersionId: a.row.forkedFromVersionId,
        })
        .where(eq(artifacts.id, a.row.id));
    }
    await seedSocial(tx, new Date(base));
    return { created: true, users: DEMO_USERS.length, artifacts: built.length };
  });
}
