// A production server of the current build with its own embedded PostgreSQL (migrated, demo
// seed), on free ports, in a temporary folder, for the screenshot script (and `npm run screens --
// --serve`): the same starter as the page benchmarks (lib/bench/app-server.ts), which also stops
// everything and removes the folder on Ctrl-C / SIGTERM.
import { startBenchApp } from "@/lib/bench/app-server";

export type Stack = {
  baseUrl: string;
  previewUrl: string;
  databaseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
};

/**
 * Starts the stack. Builds when the build in .next is missing or older than the sources, or when
 * `build` is true; otherwise reuses it.
 */
export async function startStack({ build = false }: { build?: boolean } = {}): Promise<Stack> {
  const app = await startBenchApp({ rebuild: build });
  return {
    baseUrl: app.appUrl,
    previewUrl: app.previewUrl,
    databaseUrl: app.databaseUrl,
    dataDir: app.env.VITRINE_DATA_DIR!,
    stop: app.stop,
  };
}
