import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// Playwright's own Chromium where it is installed; Debian's /usr/bin/chromium otherwise (these
// machines cannot download browsers).
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.(spec|setup)\.ts/,
  // The production-roles smoke needs its own servers: `npm run test:smoke` (e2e/smoke/run.ts).
  testIgnore: ["**/smoke/**"],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  // A committed test.only would run one test and pass the suite: CI refuses it.
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      // Without these Chromium keeps trying to reach Google, which this network refuses.
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
