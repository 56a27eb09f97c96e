// Migrations you can trust: a database migrated with an earlier commit's migration set (001, 002,
// 003_create_rate_limits, 006 — edited since, and without 004/005) reaches exactly the schema of a
// fresh database; an edited or out-of-order migration is refused before anything changes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR, MigrationRefused, migrateDatabase } from "./migrate";

const adminUrl = inject("pgAdminUrl");
const LEGACY_DIR = path.join(import.meta.dirname, "test", "legacy-migrations");
// The journal of commit 894ff6e: 004 and 005 did not exist yet on that branch.
const LEGACY = [
  ["001_create_users_auth", 1764000000000],
  ["002_create_artifacts_profiles", 1764000001000],
  ["003_create_rate_limits", 1764000003000],
  ["006_lineage", 1764000006000],
] as const;

const created: string[] = [];
async function newDatabase(): Promise<string> {
  const name = `vitrine_history_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Everything a migration can create, as comparable text. */
async function catalog(url: string) {
  return withClient(url, async (c) => {
    const q = async (sql: string) =>
      (await c.query(sql)).rows.map((r) => Object.values(r).join(" | ")).sort();
    return {
      columns:
        await q(`select table_name, column_name, data_type, is_nullable, coalesce(column_default, '') from information_schema.columns
        where table_schema = 'public' and table_name <> '__drizzle_migrations'`),
      indexes: await q(
        `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename <> '__drizzle_migrations'`,
      ),
      constraints:
        await q(`select conrelid::regclass::text, conname, pg_get_constraintdef(oid), condeferrable, condeferred from pg_constraint
        where connamespace = 'public'::regnamespace and conrelid <> 'public.__drizzle_migrations'::regclass`),
      triggers: await q(
        `select tgrelid::regclass::text, tgname, tgdeferrable, tginitdeferred, tgenabled from pg_trigger where not tgisinternal`,
      ),
      functions: await q(
        `select proname, md5(prosrc) from pg_proc where pronamespace = 'public'::regnamespace`,
      ),
      extensions: await q(`select extname from pg_extension`),
    };
  });
}

/** Migrates the way the earlier commit's Drizzle migrator did: the file, then its bookkeeping row. */
async function migrateLegacy(url: string) {
  await withClient(url, async (c) => {
    await c.query(
      `create table public.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    for (const [tag, when] of LEGACY) {
      const sql = readFileSync(path.join(LEGACY_DIR, `${tag}.sql`), "utf8");
      const { createHash } = await import("node:crypto");
      await c.query(sql);
      await c.query(`insert into public.__drizzle_migrations (hash, created_at) values ($1, $2)`, [
        createHash("sha256").update(sql).digest("hex"),
        when,
      ]);
    }
  });
}

const appliedCount = (url: string) =>
  withClient(url, async (c) =>
    Number((await c.query("select count(*) from __drizzle_migrations")).rows[0].count),
  );

describe("migration history", () => {
  it("takes a database migrated with the old set (001, 002, 003, 006) to exactly the head schema", async () => {
    const [legacy, fresh] = [await newDatabase(), await newDatabase()];
    await migrateLegacy(legacy);
    const before = await catalog(legacy);
    expect(before.columns.some((c) => c.startsWith("likes |"))).toBe(false); // no likes table yet

    // Migrations added after 008 apply on top of both (the list grows with every feature).
    const later = (
      JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
        entries: { tag: string }[];
      }
    ).entries
      .map((e) => e.tag)
      .filter((tag) => tag > "008_converge");
    expect(await migrateDatabase(legacy)).toEqual([
      "004_create_social",
      "005_publish_idempotency",
      "007_security",
      "008_converge",
      ...later,
    ]);
    expect(await migrateDatabase(fresh)).toHaveLength(8 + later.length); // 001–008 and later
    const [upgraded, reference] = [await catalog(legacy), await catalog(fresh)];
    expect(upgraded.columns).toEqual(reference.columns);
    expect(upgraded.indexes).toEqual(reference.indexes);
    expect(upgraded.constraints).toEqual(reference.constraints);
    expect(upgraded.triggers).toEqual(reference.triggers);
    expect(upgraded.functions).toEqual(reference.functions);
    expect(upgraded.extensions).toEqual(reference.extensions);
    expect(await migrateDatabase(legacy)).toEqual([]); // and again: nothing to do, nothing refused
  }, 120_000);

  it("refuses a database whose applied migration was edited, and changes nothing", async () => {
    const url = await newDatabase();
    await migrateDatabase(url);
    const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(
      path.join(dir, "004_create_social.sql"),
      readFileSync(path.join(dir, "004_create_social.sql"), "utf8") + "\n-- edited\n",
    );
    const applied = await appliedCount(url);
    await expect(migrateDatabase(url, { dir })).rejects.toThrow(
      /Migration 004_create_social was changed after this database applied it/,
    );
    await expect(migrateDatabase(url, { dir })).rejects.toBeInstanceOf(MigrationRefused);
    expect(await appliedCount(url)).toBe(applied);
  });

  it("refuses a pending migration that sorts before an applied one, and changes nothing", async () => {
    const url = await newDatabase();
    await migrateDatabase(url);
    const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, "007_zz_late.sql"), "create table late_arrival (id int);");
    const journalFile = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8"));
    // Just before 008_converge (not before the last entry: later migrations follow 008).
    const at = journal.entries.findIndex((e: { tag: string }) => e.tag === "008_converge");
    journal.entries.splice(at, 0, {
      idx: 99,
      version: "7",
      when: 1764000007500,
      tag: "007_zz_late",
      breakpoints: false,
    });
    writeFileSync(journalFile, JSON.stringify(journal));
    await expect(migrateDatabase(url, { dir })).rejects.toThrow(
      /Migration 007_zz_late is pending but sorts before \w+, which this database already applied/,
    );
    const exists = await withClient(
      url,
      async (c) => (await c.query("select to_regclass('public.late_arrival') as t")).rows[0].t,
    );
    expect(exists).toBeNull();
  });

  it("refuses a journal whose order by name and by time disagree", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const journalFile = path.join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8"));
    journal.entries[1].when = 1764000009000;
    writeFileSync(journalFile, JSON.stringify(journal));
    await expect(migrateDatabase(await newDatabase(), { dir })).rejects.toThrow(
      /journal is out of order/,
    );
  });
});
