// The Drizzle schema, the migrated database and the seed document (ARTIFACTS_SCHEMA.md) must agree.
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pgRefusal } from "@/db/test/pg-error";
import { db } from "@/db/index";
import * as schema from "@/db/schema";

// Straight from ../shared/seed/ARTIFACTS_SCHEMA.md: every column with its type.
const SEED: Record<string, Record<string, string>> = {
  profiles: {
    user_id: "uuid",
    handle: "text",
    display_name: "text",
    bio: "text",
    avatar_url: "text",
    age: "integer",
    gender: "text",
    city: "text",
    country: "text",
    created_at: "timestamp with time zone",
    updated_at: "timestamp with time zone",
  },
  artifacts: {
    id: "uuid",
    owner_user_id: "uuid",
    title: "text",
    description: "text",
    visibility: "text",
    created_at: "timestamp with time zone",
    updated_at: "timestamp with time zone",
    forked_from_id: "uuid",
    forked_from_owner_user_id: "uuid",
    forked_from_version_id: "uuid",
    forked_from_version_label: "text",
    origin_artifact_id: "uuid",
    origin_owner_user_id: "uuid",
    forks_count: "integer",
    imports_count: "integer",
    likes_count: "integer",
    comments_count: "integer",
    current_version_id: "uuid",
    versioning_enabled: "boolean",
    chat_history_public: "boolean",
    source_session: "jsonb",
  },
  artifact_versions: {
    id: "uuid",
    artifact_id: "uuid",
    version_index: "integer",
    code_blob_ref: "text",
    created_at: "timestamp with time zone",
    summary: "text",
    label: "text",
    session_id: "text",
    code_language: "text",
    code_content: "text",
    code_versions: "jsonb",
    chat: "jsonb",
    stats: "jsonb",
    version_metadata: "jsonb",
    code_references: "jsonb",
    parent_version_id: "uuid",
  },
  artifact_media: {
    artifact_id: "uuid",
    screenshot_url: "text",
    thumb_url: "text",
    created_at: "timestamp with time zone",
    updated_at: "timestamp with time zone",
  },
};

type DbColumn = {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
  column_default: string | null;
};

async function dbColumns(): Promise<DbColumn[]> {
  const result = await db.execute(sql`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public'`);
  return result.rows as DbColumn[];
}

const drizzleTables = (Object.values(schema) as unknown[]).filter(
  (v): v is PgTable =>
    typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v,
);

describe("schema agreement", () => {
  it("has every column of the seed document with the seed's type", async () => {
    const cols = await dbColumns();
    for (const [table, columns] of Object.entries(SEED)) {
      for (const [column, type] of Object.entries(columns)) {
        const found = cols.find((c) => c.table_name === table && c.column_name === column);
        expect(found, `${table}.${column} exists`).toBeDefined();
        expect(found?.data_type, `${table}.${column} type`).toBe(type);
      }
    }
  });

  it("matches the Drizzle schema column for column (name, type, nullability, default)", async () => {
    const cols = await dbColumns();
    expect(drizzleTables.length).toBeGreaterThanOrEqual(8);
    for (const table of drizzleTables) {
      const config = getTableConfig(table);
      const inDb = cols.filter((c) => c.table_name === config.name);
      expect(inDb.map((c) => c.column_name).sort(), `${config.name} columns`).toEqual(
        config.columns.map((c) => c.name).sort(),
      );
      for (const column of config.columns) {
        const found = inDb.find((c) => c.column_name === column.name)!;
        const drizzleType = column
          .getSQLType()
          .replace("timestamp with time zone", "timestamp with time zone");
        expect(normalise(found.data_type), `${config.name}.${column.name} type`).toBe(
          normalise(drizzleType),
        );
        expect(found.is_nullable === "NO", `${config.name}.${column.name} not null`).toBe(
          column.notNull,
        );
        expect(found.column_default !== null, `${config.name}.${column.name} default`).toBe(
          column.hasDefault,
        );
      }
    }
  });

  it("has every index the Drizzle schema declares", async () => {
    const result = await db.execute(
      sql`select indexname from pg_indexes where schemaname = 'public'`,
    );
    const names = new Set((result.rows as { indexname: string }[]).map((r) => r.indexname));
    for (const table of drizzleTables) {
      for (const index of getTableConfig(table).indexes) {
        expect(names.has(index.config.name!), `index ${index.config.name}`).toBe(true);
      }
    }
  });

  it("declares in Drizzle every index the migrations create (no drift the other way)", async () => {
    const declared = new Set(
      drizzleTables.flatMap((t) => getTableConfig(t).indexes.map((i) => i.config.name)),
    );
    const result = await db.execute(sql`
      select indexname from pg_indexes
      where schemaname = 'public' and indexname not like '%_pkey' and indexname not like '%_key'`);
    const undeclared = (result.rows as { indexname: string }[])
      .map((r) => r.indexname)
      .filter((n) => !declared.has(n));
    expect(undeclared).toEqual([]);
  });

  it("inserts an artifact with only id, owner, title and visibility, and a version with only its essentials", async () => {
    const [user] = await db
      .insert(schema.users)
      .values({ email: "minimal@example.test" })
      .returning();
    const [artifact] = await db
      .insert(schema.artifacts)
      .values({
        id: crypto.randomUUID(),
        ownerUserId: user!.id,
        title: "Minimal",
        visibility: "public",
      })
      .returning();
    expect(artifact!.likesCount).toBe(0);
    expect(artifact!.versioningEnabled).toBe(true);
    const [version] = await db
      .insert(schema.artifactVersions)
      .values({
        id: crypto.randomUUID(),
        artifactId: artifact!.id,
        versionIndex: 1,
        codeBlobRef: "sha256:00",
        codeLanguage: "html",
        codeContent: "<p>hi</p>",
      })
      .returning();
    expect(version!.stats).toEqual({});
  });

  it("refuses what the constraints forbid", async () => {
    const [user] = await db
      .insert(schema.users)
      .values({ email: "rules@example.test" })
      .returning();
    const bad = [
      [
        sql`insert into artifacts (owner_user_id, title, visibility) values (${user!.id}, 'x', 'secret')`,
        "artifacts_visibility_check",
      ],
      [
        sql`insert into artifacts (owner_user_id, title, visibility, likes_count) values (${user!.id}, 'x', 'public', -1)`,
        "artifacts_likes_count_check",
      ],
      [
        sql`insert into artifacts (owner_user_id, title, visibility) values (${user!.id}, ${"x".repeat(121)}, 'public')`,
        "artifacts_title_check",
      ],
      [
        sql`insert into profiles (user_id, handle) values (${user!.id}, 'Bad Handle')`,
        "profiles_handle_check",
      ],
    ] as const;
    for (const [statement, constraint] of bad)
      await expect(db.execute(statement)).rejects.toEqual(pgRefusal("23514", constraint));
    await db.execute(sql`insert into profiles (user_id, handle) values (${user!.id}, 'taken')`);
    const [other] = await db
      .insert(schema.users)
      .values({ email: "other@example.test" })
      .returning();
    // Case-insensitive uniqueness holds even if a row somehow bypassed lower-casing.
    await expect(
      db.execute(sql`insert into profiles (user_id, handle) values (${other!.id}, 'taken')`),
    ).rejects.toEqual(pgRefusal("23505", "profiles_handle_lower_idx"));
  });
});

function normalise(type: string): string {
  return (
    type
      .replace(/^timestamp with time zone$/, "timestamptz")
      .replace(/^timestamp\b.*with time zone$/, "timestamptz")
      // information_schema says "ARRAY" for every array column; Drizzle says "text[]".
      .replace(/^\w+\[\]$/, "ARRAY")
  );
}
