import { devices, type Browser, type Page } from "@playwright/test";
import { createUser, expect, query, signIn, test } from "./fixtures";
import { publish } from "./publish-helpers";

// Follows, the feed and view counts (issue 15), as people use them: two fresh users in two browsers.
// The contexts carry a desktop Chrome user agent: a headless one is (rightly) a bot and not counted.

const DESKTOP_UA = devices["Desktop Chrome"].userAgent;

async function signedIn(browser: Browser, person: { email: string; password: string }) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    userAgent: DESKTOP_UA,
  });
  const page = await context.newPage();
  await signIn(page, person.email, person.password);
  return page;
}

const followCounts = async (userId: string) =>
  (
    await query<{ followers_count: number; followers: number }>(
      `select followers_count, (select count(*) from follows where followee_user_id = $1)::int followers
       from profiles where user_id = $1`,
      [userId],
    )
  )[0]!;

test("follow from a profile, the other publishes, it shows in the feed", async ({ browser }) => {
  // Two people, two browsers, two publishes through the editor: slow on a busy machine.
  test.slow();
  const reader = await createUser("feedreader");
  const maker = await createUser("feedmaker");
  const readerPage = await signedIn(browser, reader);

  // The empty feed suggests people; following starts on the maker's profile.
  await readerPage.goto("/feed");
  await expect(readerPage.getByRole("heading", { name: "People to follow" })).toBeVisible();
  await readerPage.goto(`/u/${maker.handle}`);
  const follow = readerPage.getByTestId("follow-button");
  await expect(follow).toHaveAttribute("aria-pressed", "false");
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", "true");
  await expect(follow).toContainText("Following");
  await expect(readerPage.getByRole("link", { name: /1 follower$/ })).toBeVisible();
  expect(await followCounts(maker.id)).toEqual({ followers_count: 1, followers: 1 });

  // The followers list names the reader.
  await readerPage.goto(`/u/${maker.handle}/followers`);
  await expect(
    readerPage.locator("#main").getByRole("link", { name: reader.handle, exact: true }),
  ).toBeVisible();

  // The maker publishes (a public artifact) and a private one, which must never show.
  const makerPage = await signedIn(browser, maker);
  const title = `Feed piece ${Date.now().toString(36)}`;
  await publish(makerPage, { title, code: "<h1>for the feed</h1>", visibility: "Public" });
  await publish(makerPage, { title: `${title} secret`, code: "<h1>private</h1>" });

  await readerPage.goto("/feed");
  const items = readerPage.getByTestId("feed-item");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(`${maker.handle}`);
  await expect(items.first()).toContainText("published");
  await expect(items.first().getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(readerPage.getByText(`${title} secret`)).toHaveCount(0);

  // Unfollow: the count goes back, exactly.
  await readerPage.goto(`/u/${maker.handle}`);
  await readerPage.getByTestId("follow-button").click();
  await expect(readerPage.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => followCounts(maker.id)).toEqual({ followers_count: 0, followers: 0 });
  await makerPage.context().close();
  await readerPage.context().close();
});

test("the view count shows on the artifact page after a visit by another user", async ({
  browser,
}) => {
  test.slow();
  const owner = await createUser("viewowner");
  const visitor = await createUser("viewvisitor");
  const ownerPage = await signedIn(browser, owner);
  const id = await publish(ownerPage, {
    title: `Viewed ${Date.now().toString(36)}`,
    code: "<p>look</p>",
    visibility: "Public",
  });
  const views = (p: Page) => p.locator("#main").getByTestId("views-count").first();
  await ownerPage.goto(`/a/${id}`);
  await expect(views(ownerPage)).toContainText("0 views"); // the owner's own visits do not count

  const visitorPage = await signedIn(browser, visitor);
  await visitorPage.goto(`/a/${id}`);
  await visitorPage.goto(`/a/${id}`); // twice the same day: still one view
  // Recorded after the response (after()): wait for the row, not for a clock.
  await expect
    .poll(
      async () =>
        (await query<{ n: number }>("select views_count n from artifacts where id = $1", [id]))[0]!
          .n,
    )
    .toBe(1);
  await ownerPage.reload();
  await expect(views(ownerPage)).toContainText("1 view");
  // Only the owner gets the stats page, with the day's view in it.
  await ownerPage.getByRole("link", { name: "Stats" }).click();
  await expect(ownerPage.getByText("Views: 1 in the last 30 days")).toBeVisible();
  const stranger = await visitorPage.goto(`/a/${id}/stats`);
  expect(stranger?.status()).toBe(404);
  await ownerPage.context().close();
  await visitorPage.context().close();
});

test("a signed-out visitor's Follow leads to sign-in", async ({ page }) => {
  const maker = await createUser("signedout");
  await page.goto(`/u/${maker.handle}`);
  await page.getByTestId("follow-button").click();
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  const feed = await page.goto("/feed");
  expect(feed?.url()).toMatch(/\/login\?callbackUrl=%2Ffeed/);
});
