// A PostgreSQL server of its own for the smoke test: Debian's packaged binaries (the very server a
// deployment runs, not the embedded one `npm start` uses), a fresh cluster in a temporary folder, on
// a free port, listening on 127.0.0.1 only. Run as the `postgres` user when we are root (PostgreSQL
// refuses to run as root).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type SeparatePostgres = { url: string; dataDir: string; stop: () => void };

/** The newest /usr/lib/postgresql/<major>/bin, or null when Debian's server is not installed. */
export function debianPostgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const majors = readdirSync(base)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? path.join(base, majors[0]!, "bin") : null;
}

function asPostgresUser(bin: string, args: string[]) {
  const [file, argv] =
    process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  execFileSync(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
}

function postgresIds(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  };
}

export async function startSeparatePostgres(dir: string, port: number): Promise<SeparatePostgres> {
  const bin = debianPostgresBin();
  if (!bin)
    throw new Error(
      "Debian's PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql",
    );
  const data = path.join(dir, "pg");
  mkdirSync(data);
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds();
    chownSync(data, uid, gid);
  }
  asPostgresUser(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--no-sync",
  ]);
  const pgCtl = path.join(bin, "pg_ctl");
  const options = `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  asPostgresUser(pgCtl, [
    "-D",
    data,
    "-o",
    options,
    "-l",
    path.join(data, "server.log"),
    "-w",
    "start",
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgresUser(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // already down
    }
  };
  try {
    const admin = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    });
    await admin.connect();
    await admin.query("create database vitrine");
    await admin.end();
  } catch (err) {
    stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/vitrine`, dataDir: data, stop };
}
