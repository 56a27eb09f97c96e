import "server-only";
import { env } from "@/lib/env";
import { getBrowser, restartBrowser } from "./chromium";
import {
  THUMBNAIL_ORIGIN,
  bundledFontAsset,
  buildRenderDocument,
  renderCsp,
  vendoredAsset,
} from "./document";

/**
 * The card shows the artifact's first screen: it is laid out at 800×500 CSS pixels (the card's
 * 16:10 shape, a size at which apps show their main view rather than a corner) and captured at
 * 1.6× — a 1280×800 image that the thumbnail scales down whole.
 */
export const VIEWPORT = { width: 800, height: 500 } as const;
const DEVICE_SCALE = 1.6;
export const SCREENSHOT_SIZE = {
  width: VIEWPORT.width * DEVICE_SCALE,
  height: VIEWPORT.height * DEVICE_SCALE,
} as const;
const ORIGIN = THUMBNAIL_ORIGIN;
const SETTLE_MS = 800;
const PROBE_EVERY_MS = 500;

export class RenderUnavailable extends Error {}
export class RenderCutOff extends Error {}

export type RenderLimits = {
  /** A page whose main thread answers nothing for this long is looping: cut off. */
  stallMs: number;
  /** However responsive, a render never takes longer than this. */
  hardLimitMs: number;
};

export function renderLimits(): RenderLimits {
  return { stallMs: env.THUMBNAIL_STALL_MS, hardLimitMs: env.THUMBNAIL_HARD_LIMIT_MS };
}

// Renders run one at a time per process by default (THUMBNAIL_CONCURRENCY): each takes a CPU core,
// and a cut-off render kills the shared browser under any other render in flight.
let active = 0;
const waiting: (() => void)[] = [];
async function slot(): Promise<() => void> {
  if (active >= env.THUMBNAIL_CONCURRENCY)
    await new Promise<void>((resolve) => waiting.push(resolve));
  else active++;
  return () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
}

/**
 * Renders a version's preview offline and returns a 1280×800 PNG of its first screen, or null when
 * the language has no preview. Throws RenderUnavailable when no browser is installed, RenderCutOff
 * when the page stopped answering (a busy loop) or ran past the hard limit — after killing the
 * browser's whole process group, so nothing of it is left running.
 */
export async function renderScreenshot(
  source: { language: string; code: string },
  limits: RenderLimits = renderLimits(),
): Promise<Buffer | null> {
  const html = await buildRenderDocument(source);
  if (html === null) return null;
  const release = await slot();
  try {
    const browser = await getBrowser();
    if (!browser) throw new RenderUnavailable("No Chromium is installed; thumbnails are off.");
    const context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: DEVICE_SCALE,
      javaScriptEnabled: true,
      serviceWorkers: "block",
      acceptDownloads: false,
    });
    let cutOff: string | null = null;
    let killed: Promise<void> = Promise.resolve();
    let stopWatch = () => {};
    try {
      const page = await context.newPage();
      // Our own watch below fires first; this only bounds a call that hangs outright.
      page.setDefaultTimeout(limits.hardLimitMs + 5000);
      // Network off: the document and the preview's vendored files are the only answers; every
      // other request fails.
      await page.route("**/*", (route) => {
        const asset =
          vendoredAsset(route.request().url()) ?? bundledFontAsset(route.request().url());
        return route.request().url() === `${ORIGIN}/` && route.request().isNavigationRequest()
          ? route.fulfill({
              status: 200,
              contentType: "text/html; charset=utf-8",
              headers: { "Content-Security-Policy": `${renderCsp()}; sandbox allow-scripts` },
              body: html,
            })
          : asset
            ? route.fulfill(asset)
            : route.abort("blockedbyclient");
      });
      page.on("popup", (popup) => void popup.close().catch(() => {}));

      // The deadline counts progress, not time: a slow CPU makes a page answer late, a busy loop
      // makes it answer never. Probe the page's main thread; cut off only when it has not answered
      // for stallMs in a row (or past the hard limit), by killing the browser's process group.
      const cut = new Promise<never>((_, reject) => {
        const started = Date.now();
        let lastAnswer = Date.now();
        let probing = false;
        const timer = setInterval(() => {
          const now = Date.now();
          const reason =
            now - lastAnswer > limits.stallMs
              ? `the page stopped responding for ${Math.round(limits.stallMs / 1000)}s (an endless loop?)`
              : now - started > limits.hardLimitMs
                ? `the page did not settle within ${Math.round(limits.hardLimitMs / 1000)}s`
                : null;
          if (reason) {
            stopWatch();
            cutOff = reason;
            killed = restartBrowser({ graceMs: 0 });
            void killed.finally(() => reject(new RenderCutOff(`Render cut off: ${reason}`)));
            return;
          }
          if (probing) return;
          probing = true;
          // An error (navigation in progress, context replaced) is an answer too: the page moved.
          void page
            .evaluate(() => 1)
            .catch(() => 0)
            .then(() => {
              lastAnswer = Date.now();
              probing = false;
            });
        }, PROBE_EVERY_MS);
        stopWatch = () => clearInterval(timer);
      });
      cut.catch(() => {});

      const work = (async () => {
        await page.goto(`${ORIGIN}/`, { waitUntil: "load" });
        // The preview shim marks its document once the artifact ran (React mounts after module
        // loads); the stall watch above still cuts off a page that never gets there.
        await page
          .waitForFunction(
            () => document.documentElement.dataset.vitrineState === "rendered",
            null,
            {
              timeout: limits.hardLimitMs,
            },
          )
          .catch(() => {});
        await page.waitForTimeout(SETTLE_MS);
        return await page.screenshot({ type: "png", animations: "disabled", caret: "hide" });
      })();
      work.catch(() => {});
      try {
        return await Promise.race([work, cut]);
      } catch (err) {
        // The kill may make the page's calls fail before our rejection lands: report the cause, and
        // only once the browser's processes are gone.
        if (cutOff) {
          await killed;
          throw new RenderCutOff(`Render cut off: ${cutOff}`);
        }
        throw err;
      }
    } finally {
      stopWatch();
      if (!cutOff) await context.close().catch(() => {});
    }
  } finally {
    release();
  }
}
