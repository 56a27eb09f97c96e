import { createHash, randomUUID } from "node:crypto";
import { diffTexts } from "../domain/diff/engine";
import { expect, query, test } from "./fixtures";

// The diff page in a real browser. Test artifacts are written straight into the e2e database with
// the fields lib/version-content.ts derives (blob ref, references, stats), so the assertions can
// name exact lines; one test also opens whichever public multi-version artifact the seed provides.

const v1 = Array.from(
  { length: 40 },
  (_, i) => `function step${i + 1}(x) { return x + ${i + 1}; }`,
);
const v2 = [...v1];
v2[4] = "function step5(x) { return x * 5; }"; // one word changes: intra-line highlight
v2[9] = "  function step10(x) { return x + 10; }"; // whitespace only
v2.splice(30, 0, "// a new comment line");
const v3 = [...v2.slice(0, 20), "const extra = true;", ...v2.slice(20)];

/** `codes`: each version as lines (joined with "\n" plus a final newline) or as its exact text. */
async function createArtifact(opts: {
  visibility: "public" | "private";
  versioning: boolean;
  codes: (string[] | string)[];
}) {
  const [user] = await query<{ id: string }>(
    "insert into users (name, email) values ('Diff test', $1) returning id",
    [`diff-${randomUUID()}@test.dev`],
  );
  await query("insert into profiles (user_id, handle) values ($1, $2)", [
    user!.id,
    `diff-${randomUUID().slice(0, 8)}`,
  ]);
  const [artifact] = await query<{ id: string }>(
    "insert into artifacts (owner_user_id, title, visibility, versioning_enabled) values ($1, 'Diff fixture', $2, $3) returning id",
    [user!.id, opts.visibility, opts.versioning],
  );
  let parent: string | null = null;
  for (const [i, lines] of opts.codes.entries()) {
    const code = typeof lines === "string" ? lines : `${lines.join("\n")}\n`;
    const sha = createHash("sha256").update(code).digest("hex");
    const [v]: { id: string }[] = await query<{ id: string }>(
      `insert into artifact_versions (artifact_id, version_index, code_language, code_content, code_blob_ref, code_references, stats, parent_version_id, label)
       values ($1, $2, 'javascript', $3, $4, $5, $6, $7, $8) returning id`,
      [
        artifact!.id,
        i + 1,
        code,
        `sha256:${sha}`,
        JSON.stringify([{ ref: `sha256:${sha}`, sha256: sha, bytes: Buffer.byteLength(code) }]),
        JSON.stringify({
          lines: typeof lines === "string" ? lines.split("\n").length : lines.length,
          bytes: Buffer.byteLength(code),
        }),
        parent,
        i === 1 ? "tidy" : null,
      ],
    );
    parent = v!.id;
  }
  await query("update artifacts set current_version_id = $1 where id = $2", [parent, artifact!.id]);
  return artifact!.id;
}

let publicId: string;

test.beforeAll(async () => {
  publicId = await createArtifact({ visibility: "public", versioning: true, codes: [v1, v2, v3] });
});

test("unified view shows the changes with markers, intra-line highlights and stats", async ({
  page,
}) => {
  await page.goto(`/a/${publicId}/diff?from=1&to=2`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from v1 to v2 · tidy");
  const table = page.getByRole("table", { name: /unified view/ });
  await expect(table.getByRole("columnheader", { name: "Old line" })).toBeAttached();
  // The word that changed is marked inside both lines; the rest of the line is not.
  await expect(table.locator("del")).toHaveText(["+"]);
  await expect(table.locator("ins").first()).toHaveText("*");
  await expect(page.getByTitle("3 lines added")).toHaveText("+3");
  await expect(page.getByTitle("2 lines removed")).toHaveText("−2");
  // Changes are spelled out for assistive tech, not only coloured.
  await expect(table.getByText("added", { exact: true }).first()).toBeAttached();
  await expect(table.getByText("// a new comment line")).toBeVisible();
});

test("split view, whitespace toggle and a collapsed run", async ({ page }) => {
  await page.goto(`/a/${publicId}/diff?from=1&to=2`);
  await page.getByRole("link", { name: "Split" }).click();
  await expect(page).toHaveURL(/view=split/);
  const split = page.getByRole("table", { name: /split view/ });
  await expect(split.getByRole("columnheader", { name: "New code" })).toBeAttached();
  await expect(split.getByRole("link", { name: "10", exact: true })).toHaveCount(2); // line 10 changed on both sides

  await page.getByRole("link", { name: /Ignore whitespace/ }).click();
  await expect(page).toHaveURL(/ws=1/);
  await expect(page).toHaveURL(/view=split/); // other state is kept
  await expect(page.getByTitle("1 line removed", { exact: true })).toHaveText("−1");
  await expect(split.getByRole("link", { name: "10", exact: true })).toHaveCount(0); // whitespace-only change is gone

  // Unchanged lines between the hunks are collapsed, and open in place.
  const hidden = page.getByText("function step17(x) { return x + 17; }").first();
  await expect(hidden).toBeHidden();
  await page
    .getByText(/Show \d+ unchanged lines/)
    .first()
    .click();
  await expect(hidden).toBeVisible();
});

test("on a phone the split view scrolls inside its box, never the page", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/a/${publicId}/diff?from=1&to=2&view=split`);
  const box = page.getByRole("region", { name: /Side-by-side diff/ });
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test("a large diff shows its beginning, then the rest on request", async ({ page }) => {
  const a = Array.from({ length: 3000 }, (_, i) => `const value${i} = compute(${i});`);
  const b = a.map((l, i) => (i % 5 === 0 ? `${l} // changed` : l));
  const big = await createArtifact({ visibility: "public", versioning: true, codes: [a, b] });
  await page.goto(`/a/${big}/diff`);
  const table = page.getByRole("table", { name: /unified view/ });
  const shown = await table.getByText("removed", { exact: true }).count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(200); // ≤ 400 changed lines (removed + added) at once
  await expect(page.getByText(/more changed lines are not shown/)).toBeVisible();
  await page.getByRole("link", { name: "Show the full diff" }).click();
  await expect(page).toHaveURL(/full=1/);
  await expect(table.getByText("removed", { exact: true })).toHaveCount(600);
});

test("line endings and a missing final newline show as changes, labelled, unless whitespace is ignored", async ({
  page,
}) => {
  const before = ["<ul>", "  <li>one</li>", "  <li>two</li>", "</ul>"].join("\r\n") + "\r\n";
  const after = ["<ul>", "  <li>one</li>", "  <li>two</li>", "</ul>"].join("\n"); // LF, no final newline
  const id = await createArtifact({
    visibility: "public",
    versioning: true,
    codes: [before, after],
  });
  for (const view of ["unified", "split"]) {
    await page.goto(`/a/${id}/diff?from=1&to=2&view=${view}`);
    await expect(page.getByTitle("4 lines added")).toHaveText("+4");
    await expect(page.getByTitle("4 lines removed")).toHaveText("−4");
    await expect(page.getByText("CRLF", { exact: true })).toHaveCount(4);
    await expect(page.getByText("LF", { exact: true })).toHaveCount(3); // the last line has no ending
    await expect(page.getByText("\\ No newline at end of file")).toBeVisible();
  }
  await page.goto(`/a/${id}/diff?from=1&to=2&ws=1`);
  await expect(page.getByText("No changes apart from whitespace.")).toBeVisible();
  await expect(page.getByText("CRLF", { exact: true })).toHaveCount(0);
});

test("an adversarial diff (a reversed, repetitive file) is computed off the main thread and shown", async ({
  page,
}) => {
  // 6,000 lines from 40 distinct ones, reversed: past the inline limit, so the diff worker computes it.
  const a = Array.from({ length: 6000 }, (_, i) => `  item(${(i * 7919) % 40});`);
  const b = [...a].reverse();
  const id = await createArtifact({ visibility: "public", versioning: true, codes: [a, b] });
  const expected = diffTexts(`${a.join("\n")}\n`, `${b.join("\n")}\n`);
  await page.goto(`/a/${id}/diff`);
  // Counts are shown as people read them ("5,701 lines added").
  await expect(
    page.getByTitle(`${expected.added.toLocaleString("en-US")} lines added`),
  ).toBeVisible();
  await expect(
    page.getByTitle(`${expected.removed.toLocaleString("en-US")} lines removed`),
  ).toBeVisible();
  expect(expected.added).toBeLessThan(6000); // what the two orders share is kept
  await expect(page.getByRole("table", { name: /unified view/ })).toBeVisible();
});

test("line numbers are links that target their row", async ({ page }) => {
  await page.goto(`/a/${publicId}/diff?from=2&to=3`);
  const table = page.getByRole("table", { name: /unified view/ });
  // New line 21 is the inserted one; old line 21 is the context row under it.
  await expect(table.locator("#T21")).toHaveText("21");
  await table.locator("#T21").getByRole("link").click();
  await expect(page).toHaveURL(/#T21$/);
  expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("T21");
  // A shared link to a line opens on it.
  await page.goto(`/a/${publicId}/diff?from=2&to=3#T21`);
  await expect(page.locator("#T21")).toBeInViewport();
});

test("the version picker is a form whose result is a shareable URL", async ({ page }) => {
  await page.goto(`/a/${publicId}/diff`);
  // Defaults: the current version against its parent.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from v2 · tidy to v3");
  await page.getByLabel("From").selectOption("1");
  await page.getByLabel("To").selectOption("3");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/from=1&to=3/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes from v1 to v3");
  await expect(page.getByText("const extra = true;")).toBeVisible();
});

test("same version says so", async ({ page }) => {
  await page.goto(`/a/${publicId}/diff?from=2&to=2`);
  await expect(page.getByText("These are the same version — nothing to compare")).toBeVisible();
});

test("a public demo artifact with several versions diffs in both views", async ({ page }) => {
  const [demo] = await query<{ id: string; max: number }>(
    `select a.id, max(v.version_index)::int as max from artifacts a join artifact_versions v on v.artifact_id = a.id
     where a.visibility = 'public' and a.versioning_enabled group by a.id having count(*) >= 2
     order by (a.id = $1), a.created_at limit 1`,
    [publicId],
  );
  for (const view of ["unified", "split"]) {
    const res = await page.goto(`/a/${demo!.id}/diff?from=1&to=${demo!.max}&view=${view}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("region", { name: "Diff", exact: true })).toBeVisible();
  }
});

test("private, history-off, unknown and malformed diffs are the same 404 for others", async ({
  request,
}) => {
  const priv = await createArtifact({ visibility: "private", versioning: true, codes: [v1, v2] });
  const closed = await createArtifact({ visibility: "public", versioning: false, codes: [v1, v2] });
  for (const url of [
    `/a/${priv}/diff`,
    `/a/${priv}/diff?from=1&to=2`,
    `/a/${closed}/diff`,
    `/a/${closed}/diff?from=2&to=2`,
    `/a/${publicId}/diff?from=abc&to=2`,
    `/a/${publicId}/diff?from=1&to=99`,
    `/a/${publicId}/diff?from=1.5`,
    `/a/${publicId}/diff?from=1&from=2`,
    `/a/${publicId}/diff?from=-1`,
    `/a/${publicId}/diff?from=${priv}:1&to=2`,
    `/a/00000000-0000-4000-8000-000000000000/diff`,
    "/a/not-a-uuid/diff",
  ]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(404);
    expect(await res.text(), url).toContain("This page does not exist");
  }
  // The current version of the history-off artifact is still on its own page.
  expect((await request.get(`/a/${closed}`)).status()).toBe(200);
});
