// Vitest global setup: one real PostgreSQL for the whole run (embedded, in a temp folder, on a free
// port — or the server at TEST_DATABASE_URL), and a migrated template database that every test file
// clones (CREATE DATABASE … TEMPLATE is a file copy: much faster than migrating each time).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded";
import { migrateDatabase } from "../migrate";
import { buildPreviewRuntime, previewRuntimeBuilt } from "../../scripts/run-preview-runtime-build";

export const TEMPLATE_DB = "vitrine_template";

export default async function setup(project: TestProject) {
  // The preview's vendored package set (the thumbnail renderer and the /sandbox/pkg route read it).
  if (!previewRuntimeBuilt()) await buildPreviewRuntime();
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-vitest-"));
    chmodSync(dir, 0o755); // the embedded server runs as the "postgres" user
    const embedded = await startEmbeddedPostgres({
      dataDir: dir,
      database: "postgres",
      fast: true,
    });
    adminUrl = embedded.adminUrl;
    stop = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrateDatabase(templateUrl.toString());

  project.provide("pgAdminUrl", adminUrl);
  return stop;
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
