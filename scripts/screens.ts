// `npm run screens -- [folder] [--build] [--serve] [--only=name,name]`: screenshots of every page
// issue 16 changed, at 1280 and 390 px, light and dark, into `folder` (default a new folder under
// the system's temp dir) — to be opened and judged by a person. It starts its own production server
// and embedded PostgreSQL (scripts/screens/stack.ts), or uses a running one when SCREENS_BASE_URL
// and DATABASE_URL are set. `--serve` only starts the stack and prints the variables for Playwright.
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startStack, type Stack } from "./screens/stack";
import { SCREEN_PAGES, WIDTHS, SCHEMES, pickFixtures, shoot } from "./screens/pages";

async function serve(stack: Stack) {
  console.log(
    [
      `E2E_BASE_URL=${stack.baseUrl}`,
      `E2E_PREVIEW_URL=${stack.previewUrl}`,
      `E2E_DATA_DIR=${stack.dataDir}`,
      `DATABASE_URL=${stack.databaseUrl}`,
    ].join(" "),
  );
  console.log("Serving; Ctrl-C (SIGINT) or SIGTERM stops the server and the database.");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith("--")));
  const only = args
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",");
  const folder =
    args.find((a) => !a.startsWith("--")) ??
    mkdtempSync(path.join(os.tmpdir(), "vitrine-screens-out-"));
  mkdirSync(folder, { recursive: true });

  const external = process.env.SCREENS_BASE_URL;
  const stack: Stack = external
    ? {
        baseUrl: external,
        previewUrl: process.env.SCREENS_PREVIEW_URL ?? external,
        databaseUrl: process.env.DATABASE_URL ?? "",
        dataDir: "",
        stop: async () => {},
      }
    : await startStack({ build: flags.has("--build") });
  try {
    if (flags.has("--serve")) return await serve(stack);
    const fixtures = await pickFixtures(stack.databaseUrl);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    try {
      let count = 0;
      for (const scheme of SCHEMES)
        for (const width of WIDTHS) {
          const files = await shoot(browser, stack.baseUrl, fixtures, {
            scheme,
            width,
            folder,
            pages: SCREEN_PAGES.filter((p) => !only || only.includes(p.name)),
          });
          count += files.length;
        }
      console.log(`${count} screenshots in ${folder}`);
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
