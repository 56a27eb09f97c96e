import path from "node:path";
import { expect, query, test } from "./fixtures";
import { newUserPage, publish, setCode, unique } from "./publish-helpers";

// Tags, categories and title suggestions (issue 15): publish with tags → the tag page lists it →
// the explore filter in the URL → settings change the tags; private work never shows anywhere.

const cards = (page: import("@playwright/test").Page) => page.getByTestId("gallery-card");

test("publish with tags and a suggested title, find it on its tag page and in the explore filter, change tags in settings", async ({
  browser,
}) => {
  test.slow(); // one flow through six pages and two forms; the shared CI machine is slow
  const page = await newUserPage(browser, "tg");
  const word = unique("orb").toLowerCase();
  const tag = `orbit-${word}`.slice(0, 30);
  const heading = `Orbit Clock ${word}`;

  // Suggest fills the empty title and description from the code and the chat's first user message.
  await page.goto("/new");
  await page.getByLabel("Language").selectOption("html");
  await setCode(page, `<!doctype html><title>${heading}</title><h1>Hi</h1>`);
  await page.getByLabel("Chat transcript", { exact: true }).fill(
    JSON.stringify({
      messages: [{ role: "user", content: "make a clock with orbiting planets" }],
    }),
  );
  await page.getByRole("button", { name: "Suggest" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(heading);
  await expect(page.getByLabel("Description")).toHaveValue("make a clock with orbiting planets");
  // What the author typed is not replaced; the suggestion is offered instead.
  await page.getByLabel("Title").fill("My own title");
  await page.getByRole("button", { name: "Suggest" }).click();
  await expect(page.getByLabel("Title")).toHaveValue("My own title");
  await page.getByRole("button", { name: "Use this title" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(heading);

  // Refused tags: one sentence, nothing published, what was typed kept.
  await page.getByLabel("Tags").fill("fine, <b>bold</b>");
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.locator("#tags-error")).toHaveText(
    "The tag “<b>bold</b>” can only contain the letters a–z, digits and hyphens.",
  );
  await expect(page.getByLabel("Tags")).toHaveValue("fine, <b>bold</b>");
  expect(await query("select 1 from artifacts where title = $1", [heading])).toEqual([]);

  await page.getByLabel("Tags").fill(`${tag.toUpperCase()}, SVG , svg`);
  await page.getByLabel("Category").selectOption("animation");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  const id = page.url().split("/a/")[1]!;
  const tagsList = page.getByRole("list", { name: "Category and tags" });
  await expect(tagsList.getByRole("link")).toHaveText(["Animation", `#${tag}`, "#svg"]);

  // The tag page lists it, with the count; the card links its tags.
  await tagsList.getByRole("link", { name: `#${tag}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${tag}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`#${tag}`);
  await expect(page.getByText("1 public artifact", { exact: true })).toBeVisible();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).locator("h2")).toHaveText(heading);
  await expect(cards(page).getByRole("link", { name: `#${tag}` })).toHaveAttribute(
    "href",
    `/t/${tag}`,
  );
  await page.getByRole("link", { name: "Most liked" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${tag}\\?sort=top$`));
  await expect(cards(page)).toHaveCount(1);

  // The explore filter: tag and category in the URL; the wrong category finds nothing.
  await page.goto("/");
  await page.locator("#gallery-tag").fill(tag);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}$`));
  await expect(cards(page).locator("h2")).toHaveText([heading]);
  await page.getByLabel("Category").selectOption("animation");
  await expect(page).toHaveURL(new RegExp(`\\?tag=${tag}&category=animation$`));
  await expect(cards(page).locator("h2")).toHaveText([heading]);
  await page.goto(`/?tag=${tag}&category=tooling`);
  await expect(page.getByText(`No artifacts match #${tag} · category Tooling.`)).toBeVisible();
  // Search finds it by its tag.
  await page.goto(`/?q=${tag}`);
  await expect(cards(page).locator("h2")).toHaveText([heading]);

  // Suggestions on /new offer the popular public tag for its prefix.
  await page.goto("/new");
  await page.getByLabel("Tags").fill(`react, ${tag.slice(0, 10)}`);
  await expect(page.locator(`datalist option[value="react, ${tag}"]`)).toHaveCount(1);

  // Settings: refused tags change nothing; new tags move the artifact to the new tag's page.
  await page.goto(`/a/${id}/settings`);
  await expect(page.getByLabel("Tags")).toHaveValue(`${tag}, svg`);
  await page.getByLabel("Tags").fill(Array.from({ length: 21 }, (_, i) => `t${i}`).join(","));
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#tags-error")).toHaveText(
    "You gave 21 different tags; an artifact can have at most 20.",
  );
  expect(await query("select tags from artifacts where id = $1", [id])).toEqual([
    { tags: [tag, "svg"] },
  ]);
  const renamed = `moved-${word}`.slice(0, 30);
  await page.getByLabel("Tags").fill(renamed);
  await page.getByLabel("Category").selectOption("tooling");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.goto(`/t/${tag}`);
  await expect(page.getByText(`No public artifacts are tagged “${tag}” yet.`)).toBeVisible();
  await page.goto(`/t/${renamed}`);
  await expect(cards(page).locator("h2")).toHaveText([heading]);
  await page.context().close();
});

test("a private artifact's tag shows nothing to anyone, its owner included; an invalid tag is a sentence", async ({
  browser,
  page,
  request,
}) => {
  test.slow(); // many navigations (and the screenshots when asked for)
  const owner = await newUserPage(browser, "th");
  const tag = unique("hush-").toLowerCase().slice(0, 30);
  const id = await publish(owner, {
    title: `Hushed ${tag}`,
    code: "<p>secret</p>",
    visibility: "Private",
  });
  // Tagged in settings (publish() fills the other fields of /new).
  await owner.goto(`/a/${id}/settings`);
  await owner.getByLabel("Tags").fill(tag);
  await owner.getByRole("button", { name: "Save settings" }).click();
  await expect(owner.getByText("Settings saved.")).toBeVisible();
  expect(await query("select tags from artifacts where id = $1", [id])).toEqual([{ tags: [tag] }]);

  for (const viewer of [owner, page]) {
    await viewer.goto(`/t/${tag}`);
    await expect(viewer.getByText(`No public artifacts are tagged “${tag}” yet.`)).toBeVisible();
    expect(await viewer.content()).not.toContain(id);
    await viewer.goto(`/?tag=${tag}`);
    await expect(cards(viewer)).toHaveCount(0);
  }
  const suggestions = await (await request.get(`/api/tags?prefix=${tag}`)).json();
  expect(suggestions).toEqual({ tags: [] });

  for (const bad of ["%3Cscript%3E", "x".repeat(40), "%F0%9F%9A%80"]) {
    const response = await page.goto(`/t/${bad}`);
    expect(response?.status(), bad).toBe(200);
    await expect(page.getByText("That is not a tag", { exact: false })).toBeVisible();
  }
  // On explore, a tag that cannot be one is named, not silently dropped.
  await page.goto("/");
  await page.locator("#gallery-tag").fill("<b>x</b>");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?tag=%3Cb%3Ex%3C%2Fb%3E$/);
  await expect(page.locator("p[role=alert]")).toHaveText(
    "“<b>x</b>” is not a tag, so it was not applied: tags are lower-case letters a–z, digits and hyphens, at most 30 characters.",
  );

  // TAGS_SCREENSHOTS=<dir>: also a tag page and explore with filters at 1280 and 390 px. Only then
  // are demo artifacts tagged (other specs search the demo content).
  const dir = process.env.TAGS_SCREENSHOTS;
  if (dir) {
    const rows = await query<{ id: string }>(
      "select id from artifacts where visibility = 'public' order by created_at desc limit 9",
    );
    await query(
      "update artifacts set tags = array['data-viz', 'd3', 'interactive'], category = 'dashboard' where id = any($1::uuid[])",
      [rows.map((r) => r.id)],
    );
    for (const [name, url] of [
      ["tag-page", "/t/data-viz"],
      ["explore-filtered", "/?tag=data-viz&category=dashboard"],
    ] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(url);
        await expect(cards(page).first()).toBeVisible();
        await page.screenshot({ path: path.join(dir, `${name}.${width}.png`) });
      }
    }
    // The publish form after "Suggest", with tags being typed (the owner is signed in).
    await owner.setViewportSize({ width: 1280, height: 900 });
    await owner.goto("/new");
    await setCode(owner, "export default function SalesDashboardCard() { return <h2>Sales</h2>; }");
    await owner.getByLabel("Language").selectOption("jsx");
    await owner.getByRole("button", { name: "Suggest" }).click();
    await expect(owner.getByLabel("Title")).toHaveValue("Sales Dashboard Card");
    await owner.getByLabel("Tags").fill("react, d");
    await owner.screenshot({ path: path.join(dir, "publish-form.1280.png"), fullPage: true });
  }
  await owner.context().close();
});
