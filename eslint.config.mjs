import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // Every update and delete carries its WHERE (authorisation lives in the predicate).
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // User content never reaches raw HTML.
      "react/no-danger": "error",
      // The layers (ARCHITECTURE.md): imports point down only. domain/ is pure and imports no other
      // layer; db/ and lib/ never reach up into the UI (components/) or the routes (app/).
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./domain",
              from: ["./app", "./components", "./db", "./lib", "./e2e"],
              message:
                "domain/ is pure code: it imports nothing from app/, components/, db/ or lib/.",
            },
            {
              target: ["./db", "./lib"],
              from: ["./app", "./components"],
              message:
                "db/ and lib/ import nothing from components/ or app/ (move shared pure code to domain/).",
            },
          ],
        },
      ],
    },
  },
  {
    // Components render; pages load (ARCHITECTURE.md). A component never queries the database:
    // its data comes down as props from a page or a loader in lib/loaders/. `import type` stays
    // allowed: the row types describe what the component renders, are erased at build time, and
    // copying them into components/ would give two definitions of one shape to keep in step.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "**/db", "**/db/**"],
              allowTypeImports: true,
              message:
                "components/ render what pages pass them: load data in the page or lib/loaders/ (type-only imports are allowed).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    // The bundled preview runtime, built by the tests (gitignored and prettier-ignored too).
    ".preview-runtime/**",
    // Artifacts as people paste them: their imports resolve in the preview, not in this project.
    "data/fixtures/preview-corpus/**",
    // The vendored packages the runtime build writes (generated, gitignored).
    ".preview-runtime/**",
  ]),
]);
