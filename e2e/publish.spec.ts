import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, query, test } from "./fixtures";

// Publishing, versions, history, restore, the edit conflict, and who may see what — as the owner,
// another signed-in user and an anonymous visitor, checking the raw HTML and the RSC payload too.

const PASSWORD = "publish-e2e-password";
const diffPageMerged = existsSync(
  path.resolve(import.meta.dirname, "../app/(public)/a/[id]/diff/page.tsx"),
);
const previewMerged = existsSync(
  path.resolve(import.meta.dirname, "../components/artifact/artifact-preview.tsx"),
);

function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function signUp(page: Page, prefix: string) {
  const handle = unique(prefix);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup/);
  return handle;
}

async function newUserPage(browser: Browser, prefix: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signUp(page, prefix);
  return page;
}

/** Types into CodeMirror once it has replaced the textarea (the form works without it too). */
async function setCode(page: Page, code: string) {
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(code);
  await expect(page.locator('textarea[name="code"]')).toHaveValue(code);
}

async function publish(
  page: Page,
  opts: {
    title: string;
    code: string;
    visibility?: "Public" | "Private";
    chat?: string;
    showChat?: boolean;
    history?: boolean;
  },
) {
  await page.goto("/new");
  await page.getByLabel("Title").fill(opts.title);
  await page.getByLabel("Description").fill("A *small* thing.");
  await page.getByLabel("Language").selectOption("html");
  await setCode(page, opts.code);
  if (opts.visibility === "Public") await page.getByLabel("Public", { exact: true }).check();
  if (opts.history === false) await page.getByLabel("Show version history").uncheck();
  if (opts.showChat) await page.getByLabel("Show chat").check();
  if (opts.chat) await page.getByLabel("Chat transcript JSON").fill(opts.chat);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: opts.title })).toBeVisible();
  return page.url().split("/a/")[1]!;
}

async function saveVersion(page: Page, id: string, code: string, summary: string, label = "") {
  await page.goto(`/a/${id}/edit`);
  await setCode(page, code);
  await page.getByLabel("What changed").fill(summary);
  if (label) await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}$`));
}

test("publish → edit → second version → history → diff link → restore", async ({ page }) => {
  await signUp(page, "pub");
  const title = unique("Clock ");
  const id = await publish(page, { title, code: "<p>first version</p>", visibility: "Public" });
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await expect(page.getByTestId("version-name")).toHaveText("v1");
  if (previewMerged) await expect(page.locator("iframe").first()).toBeVisible();

  const [v1] = await query<{
    version_index: number;
    stats: { added: number };
    version_metadata: unknown;
    code_blob_ref: string;
  }>(
    "select version_index, stats, version_metadata, code_blob_ref from artifact_versions where artifact_id = $1",
    [id],
  );
  expect(v1).toMatchObject({
    version_index: 1,
    stats: { added: 1 },
    version_metadata: { source: { kind: "publish" } },
  });
  expect(v1!.code_blob_ref).toMatch(/^sha256:/);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "New version" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText("first version");
  await saveVersion(page, id, "<p>second version</p>\n<p>more</p>", "Two paragraphs", "beta");
  await expect(page.getByRole("region", { name: "Code" })).toContainText("second version");
  await expect(page.getByTestId("version-name")).toHaveText("beta");

  await page.goto(`/a/${id}/versions`);
  const rows = page.getByRole("listitem").filter({ hasText: /Diff vs|View/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Two paragraphs");
  await expect(rows.first()).toContainText("+2");
  const diffLink = page.getByRole("link", { name: "Diff vs parent" });
  await expect(diffLink).toHaveAttribute("href", `/a/${id}/diff?from=1&to=2`);
  const diffResponse = await page.request.get(`/a/${id}/diff?from=1&to=2`);
  if (diffPageMerged) expect(diffResponse.status()).toBe(200);

  await page.goto(`/a/${id}/v/1`);
  await expect(page.getByRole("status")).toContainText("older version");
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}$`));
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await expect(page.getByTestId("version-name")).toHaveText("v3");
  await page.goto(`/a/${id}/versions`);
  await expect(page.getByText("Restored from v1")).toBeVisible();

  const raw = await page.request.get(`/a/${id}/raw?v=2`);
  expect(raw.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(raw.headers()["x-content-type-options"]).toBe("nosniff");
  expect(raw.headers()["content-disposition"]).toMatch(/^attachment; filename=".*-v2\.html"$/);
  // (CodeMirror may indent the typed second line; compare the lines, not the indentation.)
  expect((await raw.text()).split("\n").map((l) => l.trim())).toEqual([
    "<p>second version</p>",
    "<p>more</p>",
  ]);
});

test("a save that lost the race is refused, keeps the typed code, and links the diff", async ({
  page,
  context,
}) => {
  await signUp(page, "race");
  const id = await publish(page, { title: unique("Race "), code: "<p>base</p>" });
  const other = await context.newPage();
  await page.goto(`/a/${id}/edit`);
  await other.goto(`/a/${id}/edit`);
  await setCode(page, "<p>first writer</p>");
  await setCode(other, "<p>second writer keeps this</p>");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}$`));

  await other.getByRole("button", { name: "Save new version" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "This artifact changed since you opened it" }),
  ).toBeVisible();
  await expect(other.locator('textarea[name="code"]')).toHaveValue(
    "<p>second writer keeps this</p>",
  );
  await expect(other.getByTestId("code-editor")).toContainText("second writer keeps this");
  const link = other.getByRole("link", { name: /See what changed/ });
  await expect(link).toHaveAttribute("href", `/a/${id}/diff?from=1&to=2`);
  if (diffPageMerged)
    expect((await other.request.get(`/a/${id}/diff?from=1&to=2`)).status()).toBe(200);
  const versions = await query("select 1 from artifact_versions where artifact_id = $1", [id]);
  expect(versions).toHaveLength(2);
});

test("a malformed chat transcript is refused by name, nothing is written, the code is kept", async ({
  page,
}) => {
  const handle = await signUp(page, "chatbad");
  await page.goto("/new");
  await page.getByLabel("Title").fill("Bad chat");
  await setCode(page, "<p>keep me</p>");
  const chat = JSON.stringify({
    messages: [
      { role: "user", content: "a" },
      { role: "assistant", content: "b" },
      { role: "user" },
    ],
  });
  await page.getByLabel("Chat transcript JSON").fill(chat);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Chat message 3 has no content." }),
  ).toBeVisible();
  await expect(page.locator('textarea[name="code"]')).toHaveValue("<p>keep me</p>");
  await expect(page.getByLabel("Title")).toHaveValue("Bad chat");
  const rows = await query(
    "select 1 from artifacts a join profiles p on p.user_id = a.owner_user_id where p.handle = $1",
    [handle],
  );
  expect(rows).toHaveLength(0);
});

test("private, versioning-off and chat-hidden rules for anonymous, owner and another user", async ({
  page,
  browser,
  request,
}) => {
  await signUp(page, "vis");
  const secretCode = unique("PRIVATE-CODE-");
  const secretChat = unique("CHAT-SECRET-");
  const id = await publish(page, {
    title: unique("Secret "),
    code: `<p>${secretCode}</p>`,
    chat: JSON.stringify([{ role: "user", content: secretChat }]),
  });
  await expect(page.getByText("Private", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Code" })).toContainText(secretCode);
  await expect(page.getByRole("heading", { name: /Chat/ })).toBeVisible();
  await expect(page.getByText(secretChat)).toBeVisible();

  const stranger = await newUserPage(browser, "strg");
  // Private: everyone but the owner gets the 404 of an id that never existed.
  for (const url of [
    `/a/${id}`,
    `/a/${id}/versions`,
    `/a/${id}/raw`,
    `/a/${id}/edit`,
    `/a/${id}/settings`,
    `/a/${id}/v/1`,
  ]) {
    const anon = await request.get(url, { maxRedirects: 0 });
    expect([404, 307], `anonymous ${url}`).toContain(anon.status());
    expect(await anon.text()).not.toContain(secretCode);
    const res = await stranger.goto(url);
    expect(res?.status(), `stranger ${url}`).toBe(404);
    expect(await stranger.content()).not.toContain(secretCode);
  }

  // Public, history off, chat hidden; then a second version.
  await page.goto(`/a/${id}/settings`);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByLabel("Show version history").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await saveVersion(page, id, `<p>${secretCode} v2</p>`, "second");

  for (const viewer of ["anonymous", "stranger"] as const) {
    const get = (url: string, headers?: Record<string, string>) =>
      viewer === "anonymous"
        ? request.get(url, { headers })
        : stranger.request.get(url, { headers });
    const html = await get(`/a/${id}`);
    expect(html.status(), viewer).toBe(200);
    const body = await html.text();
    expect(body).toContain(`${secretCode} v2`);
    expect(body, `${viewer}: chat in the HTML`).not.toContain(secretChat);
    const rsc = await get(`/a/${id}`, { RSC: "1" });
    expect(await rsc.text(), `${viewer}: chat in the RSC payload`).not.toContain(secretChat);
    for (const url of [`/a/${id}/versions`, `/a/${id}/v/1`, `/a/${id}/raw?v=1`]) {
      expect((await get(url)).status(), `${viewer} ${url}`).toBe(404);
    }
    expect(await (await get(`/a/${id}/raw`)).text()).toBe(`<p>${secretCode} v2</p>`);
  }
  await stranger.goto(`/a/${id}`);
  expect(await stranger.content()).not.toContain(secretChat);
  await expect(stranger.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(stranger.locator("summary", { hasText: "Versions" })).toHaveCount(0);
  await page.goto(`/a/${id}`);
  await expect(page.locator("summary", { hasText: "Versions" })).toHaveCount(1);

  // The owner still sees everything.
  expect((await page.goto(`/a/${id}/versions`))?.status()).toBe(200);
  expect((await page.goto(`/a/${id}/v/1`))?.status()).toBe(200);
  await expect(page.getByText(secretChat)).toBeVisible();

  // Chat made public: now others read it.
  await page.goto(`/a/${id}/settings`);
  await page.getByLabel("Show chat").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  // v2 has no chat of its own; v1 carries it but is history (still hidden): the current page has none.
  expect(await (await request.get(`/a/${id}`)).text()).not.toContain(secretChat);
  await query("update artifacts set versioning_enabled = true where id = $1", [id]);
  expect(await (await request.get(`/a/${id}/v/1`)).text()).toContain(secretChat);
  await stranger.context().close();
});

test("settings: delete needs the exact title, then goes to the owner's profile", async ({
  page,
}) => {
  const handle = await signUp(page, "del");
  const title = unique("Doomed ");
  const id = await publish(page, { title, code: "<p>bye</p>" });
  await page.goto(`/a/${id}/settings`);
  await page.getByLabel(/to confirm/).fill(title.toUpperCase());
  await page.getByRole("button", { name: "Delete this artifact" }).click();
  await expect(page.getByText("Type the title exactly").first()).toBeVisible();
  expect(await query("select 1 from artifacts where id = $1", [id])).toHaveLength(1);
  await page.getByLabel(/to confirm/).fill(title);
  await page.getByRole("button", { name: "Delete this artifact" }).click();
  await expect(page).toHaveURL(new RegExp(`/u/${handle}$`));
  expect(await query("select 1 from artifacts where id = $1", [id])).toHaveLength(0);
  expect((await page.goto(`/a/${id}`))?.status()).toBe(404);
});

test("publishing works before JavaScript loads (a plain textarea and a plain form POST)", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    javaScriptEnabled: false,
  });
  const page = await context.newPage();
  await signUp(page, "nojs");
  await page.goto("/new");
  const title = unique("No JS ");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("svg");
  await page
    .locator('textarea[name="code"]')
    .fill('<svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Code" })).toContainText("circle");
  const [row] = await query<{
    code_language: string;
    visibility: string;
    versioning_enabled: boolean;
  }>(
    `select v.code_language, a.visibility, a.versioning_enabled from artifacts a join artifact_versions v on v.id = a.current_version_id where a.title = $1`,
    [title],
  );
  expect(row).toEqual({ code_language: "svg", visibility: "private", versioning_enabled: true });
  await context.close();
});

test("a double-submitted publish (the same POST sent twice) creates one artifact", async ({
  page,
}) => {
  await signUp(page, "twice");
  const title = unique("Twice ");
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await setCode(page, "<p>once</p>");
  // Send the form's POST to the server twice, as a double click or a network retry would.
  let replayed = false;
  await page.route("**/new", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    await route.fetch();
    replayed = true;
    await route.fulfill({ response: await route.fetch() });
  });
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  expect(replayed).toBe(true);
  const rows = await query<{ id: string }>("select id from artifacts where title = $1", [title]);
  expect(rows).toHaveLength(1);
  expect(page.url()).toContain(rows[0]!.id);
});
