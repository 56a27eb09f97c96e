import { expect, query, signIn, test, DEMO_PASSWORD } from "./fixtures";
import type { Page } from "@playwright/test";

// Forks, lineage, fork tree, compare and sync from upstream (issue 5), on the demo seed.

type Row = { id: string; title: string; handle: string };

async function publicArtifactWithVersions(
  notOwnedBy: string,
  minVersions = 2,
): Promise<Row & { versions: number }> {
  const [row] = await query<Row & { versions: number }>(
    `select a.id, a.title, p.handle, (select max(version_index) from artifact_versions v where v.artifact_id = a.id)::int as versions
       from artifacts a join profiles p on p.user_id = a.owner_user_id
      where a.visibility = 'public' and a.versioning_enabled and p.handle <> $1
        and (select max(version_index) from artifact_versions v where v.artifact_id = a.id) >= $2
      order by a.created_at limit 1`,
    [notOwnedBy, minVersions],
  );
  return row!;
}

async function scalar(sql: string, id: string): Promise<number> {
  const [row] = await query<Record<string, number>>(sql, [id]);
  return Number(Object.values(row!)[0]);
}

async function forkViaForm(
  page: Page,
  artifactId: string,
  opts: { v?: number; title: string; visibility?: "Public" | "Private" },
) {
  await page.goto(`/a/${artifactId}/fork${opts.v ? `?v=${opts.v}` : ""}`);
  await page.getByLabel("Title").fill(opts.title);
  await page.getByLabel(opts.visibility ?? "Public").check();
  await page.getByRole("button", { name: "Fork", exact: true }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  return page.url().split("/a/")[1]!;
}

test("signed out → sign in → back on the fork form → one fork with its lineage line", async ({
  page,
}) => {
  const parent = await publicArtifactWithVersions("kofi", 1);
  const before = await scalar("select forks_count as n from artifacts where id = $1", parent.id);
  await page.goto(`/a/${parent.id}`);
  await page.getByRole("link", { name: /Fork/ }).first().click();
  await expect(page).toHaveURL(
    new RegExp(`/login\\?callbackUrl=${encodeURIComponent(`/a/${parent.id}/fork`)}`),
  );
  await page.getByLabel("Email").fill("kofi@demo.vitrine.dev");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${parent.id}/fork$`));
  await expect(page.getByLabel("Title")).toHaveValue(`${parent.title} (fork)`);
  await expect(page.getByLabel("Private")).toBeChecked(); // the default

  // Bad input keeps what was typed and names the limit; nothing is written.
  await page.getByLabel("Title").fill("x".repeat(121));
  await page.getByLabel("Title").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Title").fill("x".repeat(121));
  await page.getByRole("button", { name: "Fork", exact: true }).click();
  await expect(page.getByText("Titles are at most 120 characters.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("x".repeat(121));

  await page.getByLabel("Title").fill("Kofi's take");
  await page.getByLabel("Public").check();
  await page.getByRole("button", { name: "Fork", exact: true }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kofi's take" })).toBeVisible();
  const line = page.getByTestId("lineage-line");
  await expect(line).toContainText(
    `forked from @${parent.handle} / ${parent.title} · v${parent.versions}`,
  );
  await expect(line.getByRole("link", { name: parent.title })).toHaveAttribute(
    "href",
    `/a/${parent.id}`,
  );
  const after = await scalar("select forks_count as n from artifacts where id = $1", parent.id);
  expect(after).toBe(before + 1);
});

test("a three-generation fork shows its parent and, separately, the origin", async ({ page }) => {
  const [g] = await query<{
    id: string;
    parent_title: string;
    parent_label: string;
    origin_title: string;
    origin_handle: string;
  }>(
    `select c.id, p.title as parent_title, c.forked_from_version_label as parent_label, o.title as origin_title, op.handle as origin_handle
       from artifacts c join artifacts p on p.id = c.forked_from_id join artifacts o on o.id = c.origin_artifact_id
       join profiles op on op.user_id = o.owner_user_id
      where c.visibility = 'public' and p.visibility = 'public' and o.visibility = 'public' and o.id <> p.id
      order by c.created_at limit 1`,
  );
  await page.goto(`/a/${g!.id}`);
  const line = page.getByTestId("lineage-line");
  await expect(line).toContainText(`forked from`);
  await expect(line).toContainText(`${g!.parent_title} · ${g!.parent_label}`);
  await expect(line).toContainText(`origin: @${g!.origin_handle} / ${g!.origin_title}`);
  await line.getByRole("link", { name: /fork tree/ }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${g!.id}/forks$`));
  await expect(page.getByRole("heading", { name: "Fork tree" })).toBeVisible();
  await expect(
    page.getByRole("tree").first().getByRole("link", { name: g!.origin_title, exact: true }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("navigation", { name: /Ancestors/ })
      .getByRole("link", { name: g!.parent_title }),
  ).toBeVisible();
});

test("the fork tree loads a node's children when it is expanded, with the keyboard too", async ({
  page,
}) => {
  // An origin whose first-level fork has forks of its own.
  const [o] = await query<{
    origin: string;
    child: string;
    child_title: string;
    grandchild_title: string;
  }>(
    `select p.forked_from_id as origin, p.id as child, p.title as child_title, c.title as grandchild_title
       from artifacts c join artifacts p on p.id = c.forked_from_id join artifacts r on r.id = p.forked_from_id
      where c.visibility = 'public' and p.visibility = 'public' and r.visibility = 'public' and r.forked_from_id is null
      order by c.created_at limit 1`,
  );
  await page.goto(`/a/${o!.origin}/forks`);
  const tree = page.getByRole("tree").first();
  // The innermost item holding the child's link (its ancestors' items contain it too).
  const childItem = tree
    .getByRole("treeitem")
    .filter({ has: page.getByRole("link", { name: o!.child_title, exact: true }) })
    .last();
  await expect(childItem).toHaveAttribute("aria-expanded", "false");
  await expect(tree.getByRole("link", { name: o!.grandchild_title, exact: true })).toHaveCount(0);
  const response = page.waitForResponse(
    (r) => r.url().includes(`/api/artifacts/${o!.child}/forks`) && r.status() === 200,
  );
  await childItem
    .getByRole("button", { name: /Expand forks of/ })
    .first()
    .click();
  await response;
  await expect(childItem).toHaveAttribute("aria-expanded", "true");
  await expect(
    tree.getByRole("link", { name: o!.grandchild_title, exact: true }).first(),
  ).toBeVisible();
  // Collapse with the keyboard (ArrowLeft on the item's toggle), expand again with ArrowRight.
  await childItem
    .getByRole("button", { name: /Collapse forks of/ })
    .first()
    .focus();
  await page.keyboard.press("ArrowLeft");
  await expect(childItem).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowRight");
  await expect(childItem).toHaveAttribute("aria-expanded", "true");
  // Sort by likes keeps the tree working.
  await page.getByRole("link", { name: "Most liked" }).click();
  await expect(page).toHaveURL(/sort=likes/);
  await expect(page.getByRole("tree").first()).toBeVisible();
});

test("compare with upstream and sync from upstream", async ({ page }) => {
  await signIn(page, "noor@demo.vitrine.dev");
  const parent = await publicArtifactWithVersions("noor", 2);
  const importsBefore = await scalar(
    "select imports_count as n from artifacts where id = $1",
    parent.id,
  );
  const forkId = await forkViaForm(page, parent.id, { v: 1, title: "Noor syncs" });
  const newer = parent.versions - 1;
  await expect(
    page.getByText(`Upstream has ${newer} newer ${newer === 1 ? "version" : "versions"}`),
  ).toBeVisible();

  await expect(
    page.getByRole("link", { name: "Compare with the version it was forked from" }),
  ).toHaveAttribute("href", `/a/${forkId}/diff?from=${parent.id}:1&to=1`);
  // The diff page is built on feat/diff; here we check where the link lands.
  await page.getByRole("link", { name: "Compare with upstream’s current" }).click();
  await expect(page).toHaveURL(
    (url) =>
      decodeURIComponent(url.pathname + url.search) ===
      `/a/${forkId}/diff?from=${parent.id}:${parent.versions}&to=1`,
  );
  await page.goBack();

  await page.getByText("Sync from upstream").click();
  await page.getByRole("button", { name: `Import v${parent.versions} as a new version` }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${forkId}$`));
  await expect(page.getByText(/Upstream has \d+ newer/)).toHaveCount(0);
  const versions = await query<{
    version_index: number;
    kind: string;
    artifact_id: string;
    summary: string;
  }>(
    `select version_index, version_metadata -> 'source' ->> 'kind' as kind, version_metadata -> 'source' ->> 'artifact_id' as artifact_id, summary
       from artifact_versions where artifact_id = $1 order by version_index`,
    [forkId],
  );
  expect(versions.map((v) => [v.version_index, v.kind, v.artifact_id])).toEqual([
    [1, "fork", parent.id],
    [2, "import", parent.id],
  ]);
  // Never a stored copy of the parent's title or owner (issue 12 item 3): the history derives it per viewer.
  expect(versions[1]!.summary).toBeNull();
  const importsAfter = await scalar(
    "select imports_count as n from artifacts where id = $1",
    parent.id,
  );
  expect(importsAfter).toBe(importsBefore + 1);
});

test("a private parent is 'a private artifact' for others and anonymous; the owner sees it", async ({
  browser,
  page,
}) => {
  const [w] = await query<{
    id: string;
    parent_id: string;
    parent_title: string;
    parent_owner: string;
    label: string;
  }>(
    `select c.id, p.id as parent_id, p.title as parent_title, pp.handle as parent_owner, c.forked_from_version_label as label
       from artifacts c join artifacts p on p.id = c.forked_from_id join profiles pp on pp.user_id = p.owner_user_id
       join users pu on pu.id = p.owner_user_id
      -- The demo's pair (its owner signs in below), not one another spec made (whose fork may share its
      -- title); hana is "someone else" below, so not a pair of hers (access.spec makes one).
      where c.visibility = 'public' and p.visibility = 'private' and pu.email like '%@demo.vitrine.dev'
        and pp.handle <> 'hana'
      limit 1`,
  );
  const check = async (p: Page) => {
    await p.goto(`/a/${w!.id}`);
    await expect(p.getByTestId("lineage-line")).toContainText(
      `forked from a private artifact · ${w!.label}`,
    );
    const html = await p.content();
    expect(html).not.toContain(w!.parent_id);
    expect(html).not.toContain(w!.parent_title);
    await expect(p.getByRole("link", { name: /Compare with/ })).toHaveCount(0);
    const tree = await p.goto(`/a/${w!.id}/forks`);
    expect(tree?.status()).toBe(200);
    expect(await p.content()).not.toContain(w!.parent_title);
    expect((await p.request.get(`/api/artifacts/${w!.parent_id}/forks`)).status()).toBe(404);
    expect((await p.request.get(`/a/${w!.parent_id}/forks`)).status()).toBe(404);
  };
  await check(page); // anonymous
  const other = await browser.newPage();
  await signIn(other, "hana@demo.vitrine.dev");
  await check(other);
  expect((await other.goto(`/a/${w!.parent_id}/fork`))?.status()).toBe(404);
  const owner = await browser.newPage();
  await signIn(owner, `${w!.parent_owner}@demo.vitrine.dev`);
  await owner.goto(`/a/${w!.id}`);
  await expect(
    owner.getByTestId("lineage-line").getByRole("link", { name: w!.parent_title }),
  ).toBeVisible();
});

test("a deleted parent leaves its fork intact: 'a deleted artifact' with the stored label", async ({
  browser,
  page,
}) => {
  await signIn(page, "diego@demo.vitrine.dev");
  const source = await publicArtifactWithVersions("diego", 1);
  const middle = await forkViaForm(page, source.id, { title: "Diego middle" });
  const tip = await forkViaForm(page, middle, { title: "Diego tip" });
  // The settings page that deletes artifacts is feat/publish's; the database does what it would.
  await query("delete from artifacts where id = $1", [middle]);
  for (const p of [await browser.newPage(), page]) {
    await p.goto(`/a/${tip}`);
    await expect(p.getByTestId("lineage-line")).toContainText(
      "forked from a deleted artifact · v1",
    );
    expect(await p.content()).not.toContain("Diego middle");
    await p.goto(`/a/${tip}/forks`);
    await expect(p.getByText("The origin of this lineage is private or was deleted")).toBeVisible();
  }
  const drift = await scalar(
    "select forks_count - (select count(*) from artifacts f where f.forked_from_id = $1)::int as forks_count from artifacts where id = $1",
    source.id,
  );
  expect(drift).toBe(0); // the counter followed the deletion
});
