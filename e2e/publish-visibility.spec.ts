import { expect, query, test } from "./fixtures";
import { newUserPage, publish, saveVersion, signUp, unique } from "./publish-helpers";

// Private, versioning-off and chat-hidden artifacts as the owner, another signed-in user and an
// anonymous visitor, checking the raw HTML and the RSC payload too.

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
