import { expect, query, test } from "./fixtures";
import {
  diffPageMerged,
  previewMerged,
  publish,
  saveVersion,
  setCode,
  signUp,
  unique,
} from "./publish-helpers";

// Versions: publish, edit, history, the diff link and restore; the edit conflict.

test("publish → edit → second version → history → diff link → restore", async ({ page }) => {
  await signUp(page, "pub");
  const title = unique("Clock ");
  const id = await publish(page, { title, code: "<p>first version</p>", visibility: "Public" });
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await expect(page.getByTestId("version-name")).toHaveText("v1");
  if (previewMerged) await expect(page.locator("iframe").first()).toBeVisible();

  const [v1] = await query<{
    version_index: number;
    stats: { added: number };
    version_metadata: unknown;
    code_blob_ref: string;
  }>(
    "select version_index, stats, version_metadata, code_blob_ref from artifact_versions where artifact_id = $1",
    [id],
  );
  expect(v1).toMatchObject({
    version_index: 1,
    stats: { added: 1 },
    version_metadata: { source: { kind: "publish" } },
  });
  expect(v1!.code_blob_ref).toMatch(/^sha256:/);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "New version" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText("first version");
  await saveVersion(page, id, "<p>second version</p>\n<p>more</p>", "Two paragraphs", "beta");
  await expect(page.getByRole("region", { name: "Code" })).toContainText("second version");
  await expect(page.getByTestId("version-name")).toHaveText("beta");

  await page.goto(`/a/${id}/versions`);
  const rows = page.getByRole("listitem").filter({ hasText: /Diff vs|View/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Two paragraphs");
  await expect(rows.first()).toContainText("+2");
  const diffLink = page.getByRole("link", { name: "Diff vs parent" });
  await expect(diffLink).toHaveAttribute("href", `/a/${id}/diff?from=1&to=2`);
  const diffResponse = await page.request.get(`/a/${id}/diff?from=1&to=2`);
  if (diffPageMerged) expect(diffResponse.status()).toBe(200);

  await page.goto(`/a/${id}/v/1`);
  await expect(page.getByRole("status")).toContainText("older version");
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await page.getByRole("button", { name: "Restore v1" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}$`));
  await expect(page.getByRole("region", { name: "Code" })).toContainText("first version");
  await expect(page.getByTestId("version-name")).toHaveText("v3");
  await page.goto(`/a/${id}/versions`);
  await expect(page.getByText("Restored from v1")).toBeVisible();

  const raw = await page.request.get(`/a/${id}/raw?v=2`);
  expect(raw.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(raw.headers()["x-content-type-options"]).toBe("nosniff");
  expect(raw.headers()["content-disposition"]).toMatch(/^attachment; filename=".*-v2\.html"$/);
  // (CodeMirror may indent the typed second line; compare the lines, not the indentation.)
  expect((await raw.text()).split("\n").map((l) => l.trim())).toEqual([
    "<p>second version</p>",
    "<p>more</p>",
  ]);
});

test("a save that lost the race is refused, keeps the typed code, and links the diff", async ({
  page,
  context,
}) => {
  await signUp(page, "race");
  const id = await publish(page, { title: unique("Race "), code: "<p>base</p>" });
  const other = await context.newPage();
  await page.goto(`/a/${id}/edit`);
  await other.goto(`/a/${id}/edit`);
  await setCode(page, "<p>first writer</p>");
  await setCode(other, "<p>second writer keeps this</p>");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}(\\?saved=.*)?$`));

  await other.getByRole("button", { name: "Save new version" }).click();
  await expect(
    other.getByRole("alert").filter({ hasText: "This artifact changed since you opened it" }),
  ).toBeVisible();
  await expect(other.locator('textarea[name="code"]')).toHaveValue(
    "<p>second writer keeps this</p>",
  );
  await expect(other.getByTestId("code-editor")).toContainText("second writer keeps this");
  const link = other.getByRole("link", { name: /See what changed/ });
  await expect(link).toHaveAttribute("href", `/a/${id}/diff?from=1&to=2`);
  if (diffPageMerged)
    expect((await other.request.get(`/a/${id}/diff?from=1&to=2`)).status()).toBe(200);
  const versions = await query("select 1 from artifact_versions where artifact_id = $1", [id]);
  expect(versions).toHaveLength(2);
});
