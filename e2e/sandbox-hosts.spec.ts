// The preview host and the app host stay apart, and a runaway artifact stops only its own frame.
import { readFileSync } from "node:fs";
import { expect, PREVIEW_URL, test } from "./fixtures";
import { APP_URL, createArtifact, createSignedInOwner } from "./sandbox/helpers";

test.beforeAll(async ({ browser }) => createSignedInOwner(browser));

test("the preview URL opened top-level is still sandboxed, framed only by the app, and sets no cookie", async ({
  page,
  request,
}) => {
  const res = await request.get(`${PREVIEW_URL}/sandbox/v1`);
  expect(res.status()).toBe(200);
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/(^|;\s*)sandbox allow-scripts allow-forms allow-pointer-lock(;|$)/);
  expect(csp).not.toMatch(
    /allow-same-origin|allow-top-navigation|allow-popups|allow-modals|allow-downloads/,
  );
  expect(csp).toContain(`frame-ancestors ${APP_URL}`);
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("form-action 'none'");
  expect(headers["set-cookie"]).toBeUndefined();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-dns-prefetch-control"]).toBe("off");
  expect(headers["cache-control"]).toBe("no-store");
  // The document holds no artifact code: it is the same bootstrap for everyone.
  expect(await res.text()).not.toContain("Sandbox probe");

  await page.goto(`${PREVIEW_URL}/sandbox/v1`);
  expect(await page.evaluate(() => self.origin)).toBe("null");
  expect(
    await page.evaluate(() => {
      try {
        return document.cookie;
      } catch (e) {
        return (e as Error).name;
      }
    }),
  ).toBe("SecurityError");
  await expect(page.getByText("This is the Vitrine preview sandbox")).toBeVisible();
});

test("app paths on the preview host answer 404", async ({ page, request }) => {
  const id = await createArtifact("html", "<p>hello</p>");
  await page.goto(`/a/${id}`);
  const chunk = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");
  expect(chunk).toBeTruthy();
  expect((await request.get(new URL(chunk!, APP_URL).toString())).status()).toBe(200);
  for (const path of [
    "/",
    "/api/health",
    `/a/${id}`,
    new URL(chunk!, APP_URL).pathname,
    "/sandbox/",
    "/sandbox/v2",
    "/icon.svg",
  ]) {
    const res = await request.get(`${PREVIEW_URL}${path}`);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["set-cookie"], path).toBeUndefined();
  }
  for (const path of ["/", `/a/${id}`, "/sandbox/v1"]) {
    const res = await request.post(`${PREVIEW_URL}${path}`, {
      headers: { "Next-Action": "0".repeat(40) },
      data: "[]",
    });
    expect(res.status(), `POST ${path}`).toBe(404);
  }
});

test("preview documents on the app host answer 404", async ({ request }) => {
  // Vendored files carry content hashes: take two real ones from the build's manifest.
  const manifest = JSON.parse(readFileSync(".preview-runtime/manifest.json", "utf8")) as {
    runtimes: { markdown: string };
    imports: Record<string, string>;
  };
  const bundledFonts = [
    "/sandbox/fonts/css2?family=Inter:wght@400;700",
    "/sandbox/fonts/inter-latin-400-normal.woff2",
  ];
  for (const path of [
    "/sandbox/v1",
    manifest.runtimes.markdown,
    manifest.imports.react!,
    ...bundledFonts,
  ]) {
    expect((await request.get(`${APP_URL}${path}`)).status(), path).toBe(404);
    expect((await request.get(`${PREVIEW_URL}${path}`)).status(), path).toBe(200);
  }
});

test("an endless loop stops only the preview: the page stays usable and offers a reload", async ({
  page,
}) => {
  const id = await createArtifact(
    "javascript",
    `document.body.textContent = "about to loop"; setTimeout(() => { while (true) {} }, 300);`,
  );
  await page.goto(`/a/${id}`);
  await expect(page.getByText("This preview stopped responding")).toBeVisible({ timeout: 20_000 });
  // The page's own main thread is free: a frame is painted and its buttons work.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(null))));
  await page.getByRole("button", { name: "Reload preview" }).click();
  await expect(page.getByText("This preview stopped responding")).toBeHidden();
  await expect(page.locator('iframe[title^="Preview of"]')).toBeAttached();
});
