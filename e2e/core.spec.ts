import { expect, query, test } from "./fixtures";

test("explore lists public artifacts newest first, and never a private one", async ({ page }) => {
  // Other specs publish while this runs, so compare against what existed before the page loaded.
  const [newestBefore] = await query<{ created_at: Date }>(
    "select created_at from artifacts where visibility = 'public' order by created_at desc, id desc limit 1",
  );
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Explore", exact: true })).toBeVisible();
  const ids = await page
    .getByTestId("gallery-card")
    .evaluateAll((cards) =>
      cards.map((c) => c.querySelector('a[href^="/a/"]')?.getAttribute("href")?.slice(3)),
    );
  expect(ids.length).toBeGreaterThan(1);
  const rows = await query<{ id: string; created_at: Date; visibility: string }>(
    "select id, created_at, visibility from artifacts where id = any($1::uuid[])",
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shown = ids.map((id) => byId.get(id!)!);
  expect(shown.every((r) => r.visibility === "public")).toBe(true);
  expect(shown[0]!.created_at.getTime()).toBeGreaterThanOrEqual(newestBefore!.created_at.getTime());
  const times = shown.map((r) => r.created_at.getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

test("an artifact page shows title, owner and the current code", async ({ page }) => {
  const [a] = await query<{ id: string; title: string; handle: string }>(
    `select a.id, a.title, p.handle from artifacts a join profiles p on p.user_id = a.owner_user_id
     join users u on u.id = a.owner_user_id
     where a.visibility = 'public' and a.current_version_id is not null
       and u.email like '%@demo.vitrine.dev' and a.created_at < now() - interval '1 day'
     order by a.created_at desc limit 1`,
  );
  await page.goto(`/a/${a!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: a!.title })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(a!.handle) }).first()).toBeVisible();
});

test("profiles resolve case-insensitively, at /u/handle and /@handle", async ({ page }) => {
  const [p] = await query<{ handle: string }>(
    "select handle from profiles order by handle limit 1",
  );
  for (const url of [`/u/${p!.handle}`, `/u/${p!.handle.toUpperCase()}`, `/@${p!.handle}`]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByText(`@${p!.handle}`).first()).toBeVisible();
  }
});

test("private, unknown and malformed ids all answer the same 404 page", async ({
  page,
  request,
}) => {
  const [priv] = await query<{ id: string }>(
    "select id from artifacts where visibility = 'private' limit 1",
  );
  for (const url of [
    `/a/${priv!.id}`,
    "/a/00000000-0000-4000-8000-000000000000",
    "/a/not-a-uuid",
    "/a/%00",
    "/a/1'%20or%20'1'='1",
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text(), url).toContain("This page does not exist");
  }
  await page.goto(`/a/${priv!.id}`);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});

test("health answers 200 with the database reachable", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ database: "up" });
});

test("the layout works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Publish" }).first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
});
