import "server-only";
import { existsSync } from "node:fs";
import type { Browser } from "playwright";
import { env } from "@/lib/env";

// One headless Chromium per server process, launched on first use and relaunched when it crashes
// or when a render had to be cut off. No Chromium installed → null: the job is skipped and cards
// keep their generated placeholder; the app never fails for lack of a browser.

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--mute-audio",
];

export async function chromiumExecutable(): Promise<string | null> {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const { chromium } = await import("playwright");
    const bundled = chromium.executablePath();
    return bundled && existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

let browser: Promise<Browser | null> | null = null;

export function getBrowser(): Promise<Browser | null> {
  browser ??= (async () => {
    const executablePath = await chromiumExecutable();
    if (!executablePath) return null;
    const { chromium } = await import("playwright");
    const launched = await chromium.launch({ executablePath, args: ARGS, timeout: 20_000 });
    launched.on("disconnected", () => {
      browser = null;
    });
    return launched;
  })().catch((err) => {
    browser = null;
    throw err;
  });
  return browser;
}

/** Kills the browser (a page that would not stop); the next render launches a fresh one. */
export async function restartBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  const b = await current?.catch(() => null);
  if (!b) return;
  await Promise.race([b.close().catch(() => {}), new Promise((r) => setTimeout(r, 3000))]);
}
