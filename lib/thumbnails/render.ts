import "server-only";
import { getBrowser, restartBrowser } from "./chromium";
import { RENDER_CSP, THUMBNAIL_ORIGIN, buildRenderDocument, vendoredAsset } from "./document";

export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
const ORIGIN = THUMBNAIL_ORIGIN;
/** Load + settle + screenshot must fit in this; a page that loops forever is cut off. */
const RENDER_DEADLINE_MS = 10_000;
const SETTLE_MS = 800;

export class RenderUnavailable extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout();
      reject(new Error(`The page did not settle within ${ms / 1000}s`));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Renders a version's preview offline at 1280×800 and returns a PNG, or null when the language has
 * no preview. Throws RenderUnavailable when no browser is installed.
 */
export async function renderScreenshot(source: { language: string; code: string }): Promise<Buffer | null> {
  const html = await buildRenderDocument(source);
  if (html === null) return null;
  const browser = await getBrowser();
  if (!browser) throw new RenderUnavailable("No Chromium is installed; thumbnails are off.");

  const context = await browser.newContext({
    viewport: SCREENSHOT_SIZE,
    javaScriptEnabled: true,
    serviceWorkers: "block",
    acceptDownloads: false,
  });
  let timedOut = false;
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_DEADLINE_MS);
    // Network off: the document and the preview's vendored files are the only answers; every other request fails.
    await page.route("**/*", (route) => {
      const asset = vendoredAsset(route.request().url());
      return route.request().url() === `${ORIGIN}/` && route.request().isNavigationRequest()
        ? route.fulfill({
            status: 200,
            contentType: "text/html; charset=utf-8",
            headers: { "Content-Security-Policy": `${RENDER_CSP}; sandbox allow-scripts` },
            body: html,
          })
        : asset
          ? route.fulfill(asset)
          : route.abort("blockedbyclient");
    });
    page.on("popup", (popup) => void popup.close().catch(() => {}));
    return await withDeadline(
      (async () => {
        await page.goto(`${ORIGIN}/`, { waitUntil: "load" });
        // The preview shim marks its document once the artifact ran (React mounts after module loads).
        await page.waitForFunction(() => document.documentElement.dataset.vitrineState === "rendered", null, { timeout: RENDER_DEADLINE_MS }).catch(() => {});
        await page.waitForTimeout(SETTLE_MS);
        return await page.screenshot({ type: "png", animations: "disabled", caret: "hide" });
      })(),
      RENDER_DEADLINE_MS,
      async () => {
        timedOut = true;
        // A busy-looping page blocks its renderer; closing the whole browser is the sure way out.
        await restartBrowser();
      },
    );
  } finally {
    if (!timedOut) await context.close().catch(() => {});
  }
}
