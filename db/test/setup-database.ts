// Runs in each test file's worker before the file is imported: a fresh database cloned from the
// migrated template, exposed as DATABASE_URL so db/index.ts (and everything above it) uses it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("pgAdminUrl");
const name = `vitrine_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name} template vitrine_template`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.TEST_DATABASE_NAME = name;

afterAll(async () => {
  const { closeDb } = await import("@/db/index");
  await closeDb();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${name} with (force)`);
  await cleanup.end();
});
