import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Browser } from "playwright";
import { env } from "@/lib/env";
import { profilePrefix } from "./processes";

// The worker's one headless Chromium. We spawn it ourselves, `detached` so it leads its own process
// group, and drive it over CDP: when a render must be cut off (a page that loops forever) or close()
// hangs, `process.kill(-pid, "SIGKILL")` takes the browser, its zygote and every renderer at once.
// A browser is never abandoned while still running: at most one exists per process, ever.
// No Chromium installed → null: the job is skipped and cards keep their generated placeholder.

const ARGS = [
  "--headless=new",
  "--remote-debugging-port=0",
  // The worker runs as its own unprivileged user (see Dockerfile), without the database
  // credentials of the web role; Chromium's sandbox needs user namespaces, which containers lack.
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
  "--disable-default-apps",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
  "--mute-audio",
  "--hide-scrollbars",
  "about:blank",
];

const LAUNCH_TIMEOUT_MS = 30_000;

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

type Running = { browser: Browser; child: ChildProcess; profileDir: string };

/** The launch in progress or done; null when no browser runs (or it died). */
let current: Promise<Running | null> | null = null;

function killGroup(child: ChildProcess) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // ESRCH: the group is already gone.
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Waits for "DevTools listening on ws://…" on stderr: the endpoint to connect to. */
function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(
      () => fail(new Error(`Chromium did not start within ${LAUNCH_TIMEOUT_MS / 1000}s`)),
      LAUNCH_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      buffered = (buffered + chunk.toString("utf8")).slice(-8192);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(buffered);
      if (match) {
        cleanup();
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null) =>
      fail(
        new Error(
          `Chromium exited at start (code ${code}): ${buffered.trim().split("\n").pop() ?? ""}`,
        ),
      );
    function cleanup() {
      clearTimeout(timer);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
    }
    function fail(err: Error) {
      cleanup();
      reject(err);
    }
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function launch(): Promise<Running | null> {
  const executablePath = await chromiumExecutable();
  if (!executablePath) return null;
  const profileDir = mkdtempSync(profilePrefix());
  const child = spawn(executablePath, [`--user-data-dir=${profileDir}`, ...ARGS], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  // Keep draining stderr so a chatty browser never blocks on a full pipe.
  child.stderr?.on("data", () => {});
  // Whatever ends this process (Next.js exiting on SIGTERM, process.exit), the browser goes with it:
  // being detached, it would otherwise outlive us. (SIGKILL of this process is covered by the next
  // worker's reapOrphans, which also deletes the profile folder.)
  const killOnExit = () => {
    killGroup(child);
    // The child's own exit handler below never runs once this process is gone: remove it now.
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  };
  process.once("exit", killOnExit);
  child.once("exit", () => {
    process.off("exit", killOnExit);
    // A crashed browser can leave renderers behind in its group: take them too.
    killGroup(child);
    rmSync(profileDir, { recursive: true, force: true });
  });
  try {
    const endpoint = await devtoolsEndpoint(child);
    const { chromium } = await import("playwright");
    const browser = await chromium.connectOverCDP(endpoint, { timeout: LAUNCH_TIMEOUT_MS });
    return { browser, child, profileDir };
  } catch (err) {
    killGroup(child);
    await exited(child);
    throw err;
  }
}

export function getBrowser(): Promise<Browser | null> {
  if (!current) {
    const launching: Promise<Running | null> = launch().then(
      (running) => {
        // The browser crashed or was killed: the next render launches a fresh one.
        running?.child.once("exit", () => {
          if (current === launching) current = null;
        });
        return running;
      },
      (err) => {
        if (current === launching) current = null;
        throw err;
      },
    );
    current = launching;
  }
  return current.then((r) => r?.browser ?? null);
}

/** The running browser's process id (its process group id too), or null. */
export async function browserPid(): Promise<number | null> {
  const running = await current?.catch(() => null);
  return running?.child.pid ?? null;
}

/**
 * Ends the browser: a polite close() for up to 2 s, then SIGKILL to its whole process group, and
 * waits until it has exited. After this no process of it remains; the next render launches anew.
 */
export async function restartBrowser({ graceMs = 2000 }: { graceMs?: number } = {}): Promise<void> {
  const launching = current;
  current = null;
  const running = await launching?.catch(() => null);
  if (!running) return;
  const { browser, child } = running;
  if (graceMs > 0) {
    await Promise.race([
      browser.close().catch(() => {}),
      exited(child),
      new Promise((r) => setTimeout(r, graceMs)),
    ]);
  }
  killGroup(child);
  // SIGKILL cannot be ignored; the bound only keeps a shutdown from hanging on a kernel stall.
  await Promise.race([exited(child), new Promise((r) => setTimeout(r, 5000).unref())]);
}

/** Stops the browser for good at shutdown (SIGTERM): no grace, nothing left behind. */
export const closeBrowser = () => restartBrowser({ graceMs: 500 });
