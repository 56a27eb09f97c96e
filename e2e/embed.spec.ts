// Embeds (issue 14, part 4): another site frames /embed/<id> and the preview runs in it; every other
// page still refuses to be framed; private is a 404 on every embed surface; the Share / Embed
// dialog's snippet, pasted into another site, works. "Another site" is a tiny HTTP server of this
// test on 127.0.0.1 (a different origin and site than the app on localhost).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { createUser, expect, insertArtifact, PREVIEW_URL, query, signIn, test } from "./fixtures";

const APP_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

let site: Server;
let siteUrl: string;
let body = "";

test.beforeAll(async () => {
  site = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html><head><title>A blog</title></head><body><h1>My blog</h1>${body}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

/** Opens the other site with `html` in its body. */
async function blog(page: Page, html: string) {
  body = html;
  await page.goto(siteUrl);
}

/** The artifact's preview, two frames down: the embed page, then its sandboxed preview. */
function preview(page: Page) {
  return page.frameLocator("iframe").first().frameLocator('iframe[title^="Preview of"]');
}

test("another site frames /embed/<id> and the artifact runs in it, with its title, author and a link back", async ({
  page,
}) => {
  const owner = await createUser("embed-owner");
  const title = `Embedded ${Date.now()}`;
  const artifact = await insertArtifact(owner.id, { title, visibility: "public" });
  await blog(
    page,
    `<iframe src="${APP_URL}/embed/${artifact.id}" width="800" height="540"></iframe>`,
  );
  // The artifact's code (<h1>title</h1>) ran inside the preview frame inside the embed.
  await expect(preview(page).getByRole("heading", { name: title })).toBeVisible();
  const embed = page.frameLocator("iframe").first();
  await expect(embed.getByRole("heading", { name: title })).toBeVisible();
  await expect(embed.getByText(`by @${owner.handle}`)).toBeVisible();
  const open = embed.getByRole("link", { name: "Open on Vitrine" });
  await expect(open).toHaveAttribute("href", `${APP_URL}/a/${artifact.id}`);
  await expect(open).toHaveAttribute("target", "_blank");
  await expect(open).toHaveAttribute("rel", "noopener");
  // No site header or footer in an embed.
  await expect(embed.getByRole("link", { name: "Sign in" })).toHaveCount(0);
});

test("the embed follows ?theme=dark and ?theme=light", async ({ page }) => {
  const owner = await createUser("embed-theme");
  const artifact = await insertArtifact(owner.id, { title: "Themed", visibility: "public" });
  const background = async (theme: string) => {
    await page.goto(`/embed/${artifact.id}?theme=${theme}`);
    return page.getByTestId("embed").evaluate((el) => getComputedStyle(el).backgroundColor);
  };
  expect(await background("dark")).toBe("rgb(24, 24, 27)");
  expect(await background("light")).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background("auto")).toBe("rgb(24, 24, 27)");
  expect(await background("light")).toBe("rgb(255, 255, 255)");
});

test("the artifact page refuses to be framed; only /embed relaxes frame-ancestors", async ({
  page,
  request,
}) => {
  const owner = await createUser("embed-frame");
  const title = `Not framable ${Date.now()}`;
  const artifact = await insertArtifact(owner.id, { title, visibility: "public" });

  const pageHeaders = (await request.get(`/a/${artifact.id}`)).headers();
  expect(pageHeaders["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(pageHeaders["x-frame-options"]).toBe("DENY");
  const home = (await request.get("/")).headers();
  expect(home["content-security-policy"]).toContain("frame-ancestors 'none'");
  const embedHeaders = (await request.get(`/embed/${artifact.id}`)).headers();
  expect(embedHeaders["content-security-policy"]).toContain("frame-ancestors *");
  expect(embedHeaders["content-security-policy"]).not.toContain("frame-ancestors 'none'");
  expect(embedHeaders["x-frame-options"]).toBeUndefined();
  // The preview shim: framed only by the app, except its embed variant.
  const shim = (await request.get(`${PREVIEW_URL}/sandbox/v1`)).headers();
  expect(shim["content-security-policy"]).toContain(`frame-ancestors ${APP_URL};`);
  const embedShim = (await request.get(`${PREVIEW_URL}/sandbox/v1?embed=1`)).headers();
  expect(embedShim["content-security-policy"]).toContain("frame-ancestors *;");
  expect(embedShim["content-security-policy"]).toContain("sandbox allow-scripts");

  // In a browser: the artifact page framed by another site shows nothing of the artifact.
  await blog(
    page,
    `<iframe id="page" src="${APP_URL}/a/${artifact.id}" onload="document.title='loaded'"></iframe>`,
  );
  await expect(page).toHaveTitle("loaded");
  const framed = page.frames().find((f) => f !== page.mainFrame());
  const text = await framed?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
  expect(text ?? "").not.toContain(title);
  expect(framed?.url() ?? "").not.toBe(`${APP_URL}/a/${artifact.id}`);
});

test("a private artifact is a 404 on every embed surface, for its owner too, and has no discovery link", async ({
  page,
  request,
}) => {
  const owner = await createUser("embed-private");
  const secret = await insertArtifact(owner.id, { title: "Embed secret", visibility: "private" });
  const shared = await insertArtifact(owner.id, { title: "Embed shared", visibility: "public" });
  const oembed = (id: string) =>
    `/api/oembed?url=${encodeURIComponent(`${APP_URL}/a/${id}`)}&format=json`;

  for (const signedIn of [false, true]) {
    if (signedIn) await signIn(page, owner.email, owner.password);
    const response = await page.goto(`/embed/${secret.id}`);
    expect(response?.status(), `embed, signed in: ${signedIn}`).toBe(404);
    await expect(page.getByText("Embed secret")).toHaveCount(0);
    const api = await page.request.get(oembed(secret.id));
    expect(api.status()).toBe(404);
  }
  // Missing and unknown versions answer the same.
  expect((await request.get(`/embed/${crypto.randomUUID()}`)).status()).toBe(404);
  expect((await request.get(`/embed/${shared.id}?v=7`)).status()).toBe(404);
  expect((await request.get(`/embed/${shared.id}?v=1`)).status()).toBe(200);

  // Discovery: the public page advertises its oEmbed; the owner's private page does not.
  await page.goto(`/a/${shared.id}`);
  const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  await expect(link).toHaveCount(1);
  const href = (await link.getAttribute("href"))!;
  const discovered = await request.get(href);
  expect(discovered.status()).toBe(200);
  expect((await discovered.json()).title).toBe("Embed shared");
  await page.goto(`/a/${secret.id}`);
  await expect(page.getByRole("heading", { name: "Embed secret" })).toBeVisible();
  await expect(page.locator('link[type="application/json+oembed"]')).toHaveCount(0);
});

test("the Share / Embed dialog's snippet, pasted into another site, runs the pinned version", async ({
  page,
  context,
}) => {
  const owner = await createUser("embed-share");
  const title = `Shared ${Date.now()}`;
  const artifact = await insertArtifact(owner.id, { title, visibility: "public" });
  // A second version, current: the pinned snippet must keep showing version 1.
  const [v2] = await query<{ id: string }>(
    `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
     values ($1, 2, 'sha256:02', 'html', '<h1>Second version</h1>') returning id`,
    [artifact.id],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [v2!.id, artifact.id]);

  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP_URL });
  await signIn(page, owner.email, owner.password);
  await page.goto(`/a/${artifact.id}`);
  await page.getByRole("button", { name: "Share / Embed" }).click();
  const dialog = page.getByRole("dialog", { name: "Share / Embed" });
  await expect(dialog.getByLabel("Link")).toHaveValue(`${APP_URL}/a/${artifact.id}`);
  const code = dialog.getByLabel("Embed code");
  await expect(code).toHaveValue(new RegExp(`src="${APP_URL}/embed/${artifact.id}"`));
  await dialog.getByLabel(/Pin to v2/).check();
  const snippet = await code.inputValue();
  expect(snippet).toContain(`src="${APP_URL}/embed/${artifact.id}?v=2"`);
  await dialog.getByRole("button", { name: "Copy embed code" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Version 3 is saved later; the pinned embed keeps showing version 2.
  const [v3] = await query<{ id: string }>(
    `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
     values ($1, 3, 'sha256:03', 'html', '<h1>Third version</h1>') returning id`,
    [artifact.id],
  );
  await query("update artifacts set current_version_id = $1 where id = $2", [v3!.id, artifact.id]);
  await blog(page, snippet);
  await expect(preview(page).getByRole("heading", { name: "Second version" })).toBeVisible();
  await expect(page.frameLocator("iframe").first().getByText("v2", { exact: true })).toBeVisible();
});
