// `npm run vitrine -- <command> [subcommand] [--flags]`: operator commands (tokens, roles, …).
// Each command lives in scripts/vitrine/<command>.ts and exports `run(args, context)`; this file only
// finds the database and dispatches, so commands added by different features never touch each other.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createDatabase, type Database } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { dataDir } from "@/lib/paths";

export type CommandContext = { db: Database; out: (line: string) => void };
export type Command = {
  /** One line for `npm run vitrine -- help`. */
  usage: string;
  /** Returns the process exit code; a refusal prints one sentence on stderr and returns 2. */
  run: (args: string[], context: CommandContext) => Promise<number>;
};

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "vitrine");

function commandNames(): string[] {
  if (!existsSync(commandsDir)) return [];
  return readdirSync(commandsDir)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => file.slice(0, -3))
    .sort();
}

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!commandNames().includes(name)) return undefined;
  const mod = (await import(pathToFileURL(path.join(commandsDir, `${name}.ts`)).href)) as {
    command: Command;
  };
  return mod.command;
}

/**
 * The database to act on: DATABASE_URL when set; otherwise the embedded cluster of `npm start` —
 * reused when it is already running (its postmaster.pid names the port), started for this command
 * when it is not.
 */
async function openDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const pidFile = path.join(dataDir(), "pg", "postmaster.pid");
  if (existsSync(pidFile)) {
    const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
    if (isAlive(Number(pid)) && Number(port) > 0) {
      return { url: `postgres://postgres:vitrine@127.0.0.1:${Number(port)}/vitrine` };
    }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: dataDir(), port: env.EMBEDDED_PG_PORT });
  return { url: embedded.url, embedded };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? await loadCommand(name) : undefined;
  if (!command) {
    if (name && name !== "help") console.error(`Unknown command "${name}".`);
    console.error("Usage: npm run vitrine -- <command> …");
    for (const each of commandNames()) {
      const loaded = await loadCommand(each);
      if (loaded) console.error(`  ${loaded.usage}`);
    }
    return name && name !== "help" ? 2 : 0;
  }
  const { url, embedded } = await openDatabase();
  try {
    await migrateDatabase(url, { log: () => {} });
    const { pool, db } = createDatabase(url, { max: 2 });
    try {
      return await command.run(args, { db, out: (line) => console.log(line) });
    } finally {
      await pool.end();
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
