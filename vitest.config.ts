import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": import.meta.dirname,
      // `server-only` throws outside React's server build; in tests we are the server.
      "server-only": path.resolve(import.meta.dirname, "db/test/empty-module.ts"),
      // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses.
      "next/server": path.resolve(import.meta.dirname, "node_modules/next/server.js"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", ".data/**"],
    environment: "node",
    globalSetup: ["db/test/global-setup.ts"],
    setupFiles: ["db/test/setup-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A committed it.only would skip the rest of the suite: CI refuses it.
    allowOnly: !process.env.CI,
    // Processed by Vite so the "next/server" alias above applies inside next-auth.
    server: { deps: { inline: ["next-auth"] } },
  },
});
