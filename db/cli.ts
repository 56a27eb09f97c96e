// `npm run db:migrate` and `npm run db:seed` against DATABASE_URL, or against the embedded
// PostgreSQL in .data/ when DATABASE_URL is unset (the same one `npm start` uses).
// `npm run db:seed -- --scale bench` fills the benchmark database instead — BENCH_DATABASE_URL or the
// embedded one in .data/bench, the one every `bench:*` script reads — never the app's.
import { createDatabase } from "./client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { migrateDatabase } from "./migrate";
import { env } from "@/lib/env";
import { dataDir } from "@/lib/paths";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "migrate" && command !== "seed") {
    console.error("Usage: tsx db/cli.ts migrate | seed [--scale demo|bench]");
    process.exit(2);
  }
  const scaleIndex = rest.indexOf("--scale");
  const scale = scaleIndex >= 0 ? rest[scaleIndex + 1] : "demo";
  if (scale !== "demo" && scale !== "bench") {
    console.error(`Unknown --scale "${scale}": use demo or bench.`);
    process.exit(2);
  }

  if (command === "seed" && scale === "bench") {
    const { withBenchDatabase } = await import("@/lib/bench/bench-db");
    const log = (line: string) => console.log(line);
    await withBenchDatabase(async () => log("The benchmark dataset is ready."), {
      log,
    });
    return;
  }

  let embedded: EmbeddedDatabase | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: dataDir(), port: env.EMBEDDED_PG_PORT });
    url = embedded.url;
  }
  try {
    const applied = await migrateDatabase(url, { log: (line) => console.log(line) });
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}.`
        : "The database schema is up to date.",
    );
    if (command === "seed") {
      const { pool, db } = createDatabase(url, { statementTimeoutMs: 0 });
      try {
        const { seedDemo } = await import("./seed");
        const result = await seedDemo(db);
        console.log(
          result.created
            ? `Seeded ${result.users} users and ${result.artifacts} artifacts.`
            : "Demo content already present.",
        );
      } finally {
        await pool.end();
      }
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(`✖ ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
