// The pool survives the database: a restart makes requests in that moment fail with an error (not
// a crash), and the next request after the server is back succeeds without any intervention.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";

const dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-restart-"));
chmodSync(dir, 0o755);
let server: EmbeddedDatabase | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the pg pool across a database restart", () => {
  it("fails clearly while the database is down and recovers by itself", async () => {
    server = await startEmbeddedPostgres({ dataDir: dir, fast: true });
    const port = server.port;
    const { pool } = createDatabase(server.url, { max: 2 });
    try {
      expect((await pool.query("select 1 as ok")).rows[0].ok).toBe(1);

      await server.stop();
      // Refused by the stopped server, or cut off as it shut down: a connection error, not any error.
      await expect(pool.query("select 1")).rejects.toThrow(/ECONNREFUSED|terminat/i);

      server = await startEmbeddedPostgres({ dataDir: dir, port, fast: true });
      expect((await pool.query("select 2 as ok")).rows[0].ok).toBe(2);
    } finally {
      await pool.end();
    }
  }, 60_000);

  it("cuts off a runaway statement at the statement timeout", async () => {
    const { pool } = createDatabase(server!.url, { statementTimeoutMs: 200 });
    try {
      await expect(pool.query("select pg_sleep(5)")).rejects.toThrow(/statement timeout/);
    } finally {
      await pool.end();
    }
  });
});
