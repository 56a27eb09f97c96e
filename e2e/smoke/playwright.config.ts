import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// The smoke spec only (e2e/smoke/run.ts starts the servers it needs): one worker, one test.
export default defineConfig({
  ...base,
  testDir: ".",
  testIgnore: [],
  workers: 1,
  timeout: 150_000,
  use: { ...base.use, baseURL: process.env.SMOKE_WEB1 },
});
