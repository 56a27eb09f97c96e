import { createUser, expect, insertArtifact, query, test } from "./fixtures";

// Explore: browse, sort, filter, search, infinite scroll to page 3 and back, the no-JS fallback.

type Row = { id: string; title: string };

async function publicTitles(order: string, where = "true"): Promise<string[]> {
  const rows = await query<Row>(
    `select a.id, a.title from artifacts a left join artifact_versions v on v.id = a.current_version_id
     where a.visibility = 'public' and ${where} order by ${order} limit 24`,
  );
  return rows.map((r) => r.title);
}

const cardTitles = (page: import("@playwright/test").Page) =>
  page.getByTestId("gallery-card").locator("h2");

test("browse: the first page is server-rendered, public only, with fixed-size picture boxes", async ({
  page,
  request,
}) => {
  const html = await (await request.get("/")).text();
  const expected = await publicTitles("a.created_at desc, a.id desc");
  expect(html).toContain(expected[0]!.replace(/&/g, "&amp;"));
  const priv = await query<Row>("select id, title from artifacts where visibility = 'private'");
  for (const p of priv) expect(html).not.toContain(p.id);

  await page.goto("/");
  await expect(cardTitles(page)).toHaveCount(24);
  await expect(cardTitles(page)).toHaveText(expected);
  // Every card's picture box is 8:5 whether or not its image has loaded: no layout shift.
  const ratios = await page
    .locator('[data-testid="gallery-card"] .aspect-\\[8\\/5\\]')
    .evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect().width / el.getBoundingClientRect().height),
    );
  expect(ratios.length).toBe(24);
  for (const r of ratios) expect(r).toBeCloseTo(1.6, 1);
});

test("sort: each sort follows the database order, unknown sorts fall back to newest", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Most liked" }).click();
  await expect(page).toHaveURL(/\?sort=top$/);
  await expect(cardTitles(page)).toHaveText(await publicTitles("a.likes_count desc, a.id desc"));
  await page.getByRole("link", { name: "Most forked" }).click();
  await expect(page).toHaveURL(/\?sort=forked$/);
  // Private forks never count in public (issue 12): the sort is by public forks.
  await expect(cardTitles(page)).toHaveText(
    await publicTitles("a.public_forks_count desc, a.id desc"),
  );
  await page.getByRole("link", { name: "Trending" }).click();
  await expect(cardTitles(page)).toHaveText(await publicTitles("a.trending_score desc, a.id desc"));

  await page.goto("/?sort=definitely-not-a-sort&language=cobol");
  await expect(page.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "page");
  await expect(cardTitles(page)).toHaveText(await publicTitles("a.created_at desc, a.id desc"));
});

test("filter by language and search; no-result and too-long searches are explained", async ({
  page,
  request,
}) => {
  await page.goto("/?sort=top");
  await page.getByLabel("Language").selectOption("svg");
  await expect(page).toHaveURL(/language=svg/);
  await expect(page).toHaveURL(/sort=top/);
  await expect(cardTitles(page)).toHaveText(
    await publicTitles("a.likes_count desc, a.id desc", "v.code_language = 'svg'"),
  );

  const [target] = await query<Row>(
    "select id, title from artifacts where visibility = 'public' order by likes_count desc limit 1",
  );
  const word = target!.title.split(/\s+/).find((w) => w.length >= 4) ?? target!.title;
  await page.goto("/");
  await page.getByLabel("Search artifacts").fill(word);
  await page.getByRole("button", { name: "Search" }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(word);
  await expect(cardTitles(page).filter({ hasText: target!.title })).toHaveCount(1);

  // An owner's handle finds their public work.
  const [owner] = await query<{ handle: string; n: number }>(
    "select p.handle, count(*)::int n from artifacts a join profiles p on p.user_id = a.owner_user_id where a.visibility = 'public' group by p.handle order by n desc limit 1",
  );
  await page.goto(`/?q=${owner!.handle}`);
  await expect(page.getByTestId("gallery-card").first()).toContainText(`@${owner!.handle}`);

  await page.goto("/?q=qqqzzz-nothing-like-this");
  await expect(page.getByText("No artifacts match “qqqzzz-nothing-like-this”.")).toBeVisible();

  const attack = "a".repeat(10_000);
  const res = await page.goto(`/?q=${attack}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "Search terms" })).toContainText(
    "at most 200 characters",
  );
  await expect(page.getByTestId("gallery-card")).toHaveCount(0);
  const api = await request.get(`/api/artifacts?q=${"b".repeat(300)}`);
  expect(api.status()).toBe(400);
  expect((await api.json()).error).toContain("200 characters");
});

test("infinite scroll to page 3, open an artifact, come back to the same place", async ({
  page,
}) => {
  // Three full pages are needed: make the missing public artifacts rather than skip the test.
  const existing = (
    await query<{ n: number }>("select count(*)::int n from artifacts where visibility = 'public'")
  )[0]!.n;
  if (existing < 72) {
    const filler = await createUser("scroll");
    for (let i = existing; i < 72; i++)
      await insertArtifact(filler.id, { title: `Scroll filler ${i}`, visibility: "public" });
  }
  await page.goto("/");
  await expect(cardTitles(page)).toHaveCount(24);
  // Scroll until the third page has loaded (each wheel brings the sentinel into view again).
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 4000);
        return cardTitles(page).count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(48);
  const count = await cardTitles(page).count();
  const all = await query<Row>(
    "select id, title from artifacts where visibility = 'public' order by created_at desc, id desc",
  );
  await expect(cardTitles(page)).toHaveText(all.slice(0, count).map((r) => r.title));

  const card = page.getByTestId("gallery-card").nth(50);
  await card.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  const title = (await card.locator("h2").textContent())!;
  await card.locator("h2 a").click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goBack();
  await expect(cardTitles(page)).toHaveCount(count);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 200);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 200);
  await expect(page.getByTestId("gallery-card").nth(50)).toBeInViewport();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("Load more is a plain link to the next keyset page", async ({ page }) => {
    await page.goto("/?sort=top");
    const first = await cardTitles(page).allTextContents();
    await page.getByRole("link", { name: "Load more" }).click();
    await expect(page).toHaveURL(/sort=top&cursor=/);
    const second = await cardTitles(page).allTextContents();
    expect(second.length).toBeGreaterThan(0);
    const expected = await query<Row>(
      "select id, title from artifacts where visibility = 'public' order by likes_count desc, id desc offset 24 limit 24",
    );
    expect(second).toEqual(expected.map((r) => r.title));
    expect(second).not.toContain(first[0]);
  });
});

test("the JSON route walks every public artifact once and never a private one", async ({
  request,
}) => {
  // Other specs may publish while this walks: compare with the public set before and after.
  const before = new Set(
    (await query<{ id: string }>("select id from artifacts where visibility = 'public'")).map(
      (r) => r.id,
    ),
  );
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await request.get(
      `/api/artifacts?sort=trending${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    seen.push(...body.items.map((i) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  const after = new Set(
    (await query<{ id: string }>("select id from artifacts where visibility = 'public'")).map(
      (r) => r.id,
    ),
  );
  expect(new Set(seen).size).toBe(seen.length);
  for (const id of seen) expect(before.has(id) || after.has(id)).toBe(true);
  for (const id of before) if (after.has(id)) expect(seen).toContain(id);
});
