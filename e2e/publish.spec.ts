import { expect, query, test } from "./fixtures";
import { publish, setCode, signUp, unique } from "./publish-helpers";

// Publishing: the form's refusals, publishing without JavaScript, a double submit, and deleting
// from the settings. Versions are in versions.spec.ts; who may see what in publish-visibility.spec.ts.

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
  await page.getByLabel("Chat transcript", { exact: true }).fill(chat);
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
