import type { Browser, Page } from "@playwright/test";
import { expect, query, signIn, test } from "./fixtures";

// Likes, comments, thumbnails and social cards, as the people who use them: a signed-out visitor,
// a fan, the artifact's owner, and another user facing a private artifact.

const email = (handle: string) => `${handle}@demo.vitrine.dev`;

async function userPage(browser: Browser, handle: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, email(handle));
  return page;
}

async function artifactNotLikedBy(handle: string, extra = "true") {
  const [row] = await query<{ id: string; title: string; likes_count: number; owner: string }>(
    `select a.id, a.title, a.likes_count, p.handle as owner from artifacts a join profiles p on p.user_id = a.owner_user_id
     join users u on u.id = a.owner_user_id
     -- Seeded demo artifacts only (dated days ago): other specs create, hide and delete fresh ones
     -- while this runs.
     where a.visibility = 'public' and p.handle <> $1 and ${extra}
       and u.email like '%@demo.vitrine.dev' and a.created_at < now() - interval '1 day'
       and not exists (select 1 from likes l join profiles me on me.user_id = l.user_id where l.artifact_id = a.id and me.handle = $1)
     order by a.created_at desc limit 1`,
    [handle],
  );
  return row!;
}

const recount = async (id: string) =>
  (
    await query<{ likes_count: number; n: number }>(
      "select likes_count, (select count(*) from likes where artifact_id = $1)::int n from artifacts where id = $1",
      [id],
    )
  )[0]!;

test("like and unlike: the count moves at once, persists after reload, and equals a recount", async ({
  browser,
}) => {
  const page = await userPage(browser, "kofi");
  const target = await artifactNotLikedBy("kofi");
  await page.goto(`/a/${target.id}`);
  const heart = page.locator("#main").getByTestId("like-button").last();
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await expect(heart).toContainText(String(target.likes_count));
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  await expect(heart).toContainText(String(target.likes_count + 1));
  await expect
    .poll(async () => (await recount(target.id)).likes_count)
    .toBe(target.likes_count + 1);
  await page.reload();
  const again = page.locator("#main").getByTestId("like-button").last();
  await expect(again).toHaveAttribute("aria-pressed", "true");
  await expect(again).toContainText(String(target.likes_count + 1));
  await again.click();
  await expect(again).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await recount(target.id)).likes_count).toBe(target.likes_count);
  const r = await recount(target.id);
  expect(r.likes_count).toBe(r.n);

  // On a card in the gallery too, and the liked tab shows it.
  await page.goto(`/?q=${encodeURIComponent(target.title)}`);
  const card = page.getByTestId("gallery-card").filter({ hasText: target.title }).first();
  await card.getByTestId("like-button").click();
  await expect(card.getByTestId("like-button")).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => (await recount(target.id)).likes_count)
    .toBe(target.likes_count + 1);
  await page.goto("/u/kofi?tab=liked");
  await expect(page.getByTestId("gallery-card").filter({ hasText: target.title })).toHaveCount(1);
  await page.context().close();
});

test("a signed-out visitor's heart leads to sign-in and back", async ({ page }) => {
  const target = await artifactNotLikedBy("noor");
  await page.goto(`/a/${target.id}`);
  await page.locator("#main").getByTestId("like-button").last().click();
  await expect(page).toHaveURL(
    new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/a/${target.id}`)}`),
  );
  await page.getByLabel("Email").fill(email("noor"));
  await page.getByLabel("Password", { exact: true }).fill("vitrine-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${target.id}$`));
  await expect(page.locator("#main").getByTestId("like-button").last()).toHaveAttribute(
    "aria-pressed",
    "false",
  );
});

test("comments: Markdown rendered inert, limits named, version shown, delete own", async ({
  browser,
}) => {
  const page = await userPage(browser, "hana");
  const target = await artifactNotLikedBy("hana");
  await page.goto(`/a/${target.id}`);
  const box = page.getByLabel(/Add a comment/);

  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#comment-body-error")).toContainText("cannot be empty");
  await box.fill("x".repeat(5001));
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#comment-body-error")).toContainText("at most 5,000 characters");
  await expect(box).toHaveValue("x".repeat(5001)); // what was typed is kept

  const marker = `e2e-${Date.now()}`;
  const evil = `${marker} **bold** <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> [js](javascript:alert(1)) [data](data:text/html,<b>x</b>) [ok](https://example.com)`;
  await box.fill(evil);
  await page.getByRole("button", { name: "Post comment" }).click();
  const comment = page.getByTestId("comment").filter({ hasText: marker });
  await expect(comment).toHaveCount(1);
  await expect(box).toHaveValue("");
  await expect(comment.locator("strong")).toHaveText("bold");
  await expect(comment.locator("script, img[onerror]")).toHaveCount(0);
  await expect(comment.getByText("js", { exact: true })).not.toHaveAttribute("href", /./);
  await expect(comment.getByRole("link", { name: "ok" })).toHaveAttribute("rel", /nofollow/);
  expect(await comment.locator("a[href^='javascript:'], a[href^='data:']").count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  const [v] = await query<{ version_index: number }>(
    "select v.version_index from artifacts a join artifact_versions v on v.id = a.current_version_id where a.id = $1",
    [target.id],
  );
  await expect(comment).toContainText(`on v${v!.version_index}`);
  const counted = await query<{ comments_count: number; n: number }>(
    "select comments_count, (select count(*) from comments where artifact_id = $1)::int n from artifacts where id = $1",
    [target.id],
  );
  expect(counted[0]!.comments_count).toBe(counted[0]!.n);

  // Oldest first puts it last; newest first (default) first.
  await expect(page.getByTestId("comment").first()).toContainText(marker);
  await comment.getByRole("button", { name: "Delete" }).click();
  await expect(comment).toHaveCount(0);
  expect(await query("select 1 from comments where body like $1", [`${marker}%`])).toHaveLength(0);
  await page.context().close();
});

test("the artifact's owner deletes someone else's comment; nobody else sees a delete button", async ({
  browser,
}) => {
  const [target] = await query<{ id: string; owner: string }>(
    `select a.id, p.handle owner from artifacts a join profiles p on p.user_id = a.owner_user_id
     where a.visibility = 'public' and p.handle = 'mira' order by a.created_at desc limit 1`,
  );
  const diego = await userPage(browser, "diego");
  const marker = `owner-deletes-${Date.now()}`;
  await diego.goto(`/a/${target!.id}`);
  await diego.getByLabel(/Add a comment/).fill(marker);
  await diego.getByRole("button", { name: "Post comment" }).click();
  await expect(diego.getByTestId("comment").filter({ hasText: marker })).toHaveCount(1);

  const lena = await userPage(browser, "lena");
  await lena.goto(`/a/${target!.id}`);
  await expect(
    lena.getByTestId("comment").filter({ hasText: marker }).getByRole("button", { name: "Delete" }),
  ).toHaveCount(0);

  const mira = await userPage(browser, "mira");
  await mira.goto(`/a/${target!.id}`);
  const c = mira.getByTestId("comment").filter({ hasText: marker });
  await c.getByRole("button", { name: "Delete" }).click();
  await expect(c).toHaveCount(0);
  expect(await query("select 1 from comments where body = $1", [marker])).toHaveLength(0);
  for (const p of [diego, lena, mira]) await p.context().close();
});

test("another user's private artifact: comments, media and social card are 404, nothing in sitemap", async ({
  browser,
  request,
}) => {
  const [priv] = await query<{ id: string; owner: string }>(
    // A demo user's artifact (other specs create private artifacts for users whose password we do not know).
    `select a.id, p.handle owner from artifacts a join profiles p on p.user_id = a.owner_user_id
     join users u on u.id = a.owner_user_id
     where a.visibility = 'private' and u.email like '%@demo.vitrine.dev' order by a.created_at, a.id limit 1`,
  );
  // A seeded artifact: other specs hide and delete fresh ones while this runs.
  const [pub] = await query<{ id: string }>(
    "select id from artifacts where visibility = 'public' and created_at < now() - interval '1 day' order by created_at desc limit 1",
  );
  // The card's URL carries a build hash (opengraph-image-<hash>): take it from the page's metadata.
  const html = await (await request.get(`/a/${pub!.id}`)).text();
  const ogUrl = new URL(
    /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"),
  );
  expect(html).toContain('name="twitter:card" content="summary_large_image"');
  const card = await request.get(ogUrl.pathname + ogUrl.search);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  const privateCard = (ogUrl.pathname + ogUrl.search).replace(pub!.id, priv!.id);

  const other = await userPage(browser, priv!.owner === "kofi" ? "noor" : "kofi");
  for (const url of [
    `/api/artifacts/${priv!.id}/comments`,
    `/api/media/${priv!.id}/thumb`,
    privateCard,
  ]) {
    expect((await other.request.get(url)).status(), url).toBe(404);
    expect((await request.get(url)).status(), url).toBe(404);
  }
  const owner = await userPage(browser, priv!.owner);
  expect((await owner.request.get(privateCard)).status()).toBe(200);
  expect((await owner.request.get(`/api/artifacts/${priv!.id}/comments`)).status()).toBe(200);

  // The sitemap is an index of chunks (issue 13): follow it to every artifacts chunk.
  const index = await (await request.get("/sitemap.xml")).text();
  const chunks = [...index.matchAll(/<loc>[^<]*(\/sitemaps\/a-[0-9a-f]+\.xml)<\/loc>/g)].map(
    (m) => m[1]!,
  );
  expect(chunks.length).toBeGreaterThan(0);
  const listed = (await Promise.all(chunks.map(async (c) => (await request.get(c)).text()))).join(
    "",
  );
  expect(listed).not.toContain(priv!.id);
  expect(listed).toContain(`/a/${pub!.id}`);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
  await other.context().close();
  await owner.context().close();
});

async function publishHtml(
  page: Page,
  title: string,
  visibility: "Public" | "Private",
  language = "html",
  code = `<h1 style="font:64px sans-serif;color:#3b55e6">${title}</h1>`,
) {
  await page.goto("/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption(language);
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(code);
  await page.locator(`input[name="visibility"][value="${visibility.toLowerCase()}"]`).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  return page.url().split("/a/")[1]!;
}

test("a newly published artifact gets a thumbnail (private: only its owner can load it)", async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const owner = await userPage(browser, "priya");
  const title = `Thumb ${Date.now()}`;
  const id = await publishHtml(owner, title, "Private");
  await expect
    .poll(async () => (await owner.request.get(`/api/media/${id}/thumb`)).status(), {
      timeout: 120_000,
      intervals: [1000],
    })
    .toBe(200);
  const res = await owner.request.get(`/api/media/${id}/thumb`);
  expect(res.headers()["content-type"]).toBe("image/webp");
  expect((await request.get(`/api/media/${id}/thumb`)).status()).toBe(404);
  const other = await userPage(browser, "jonas");
  expect((await other.request.get(`/api/media/${id}/screenshot`)).status()).toBe(404);
  await other.context().close();
  await owner.context().close();
});

test("until a thumbnail exists — or for a language without a preview — the card shows a placeholder", async ({
  browser,
}) => {
  const owner = await userPage(browser, "camille");
  const title = `Placeholder ${Date.now()}`;
  const id = await publishHtml(owner, title, "Public", "python", "print('hello')");
  await owner.goto(`/?q=${encodeURIComponent(title)}`);
  const card = owner.getByTestId("gallery-card").filter({ hasText: title });
  await expect(card.getByTestId("thumbnail-placeholder")).toBeVisible();
  // The title is printed once, under the picture (issue 16), not inside the placeholder too.
  await expect(card.getByTestId("thumbnail-placeholder")).toHaveText("Python");
  await expect(card.getByTestId("thumbnail")).toHaveCount(0);
  expect((await owner.request.get(`/api/media/${id}/thumb`)).status()).toBe(404);
  await owner.context().close();
});

test("a profile's social card renders from its og:image URL", async ({ request }) => {
  const html = await (await request.get("/u/mira")).text();
  const ogUrl = new URL(
    /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&"),
  );
  const res = await request.get(ogUrl.pathname + ogUrl.search);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  expect(
    (
      await request.get((ogUrl.pathname + ogUrl.search).replace("/u/mira/", "/u/nobody-here/"))
    ).status(),
  ).toBe(404);
});
