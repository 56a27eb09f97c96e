import { expect, query, test } from "./fixtures";
import { newUserPage, publish, saveVersion, signUp, unique } from "./publish-helpers";

// Export and import in the browser: the artifact page's "Download .zip", then /import by someone
// else, landing on the imported artifact's versions page with the history kept.

test("download the zip from the artifact page, import it, see the imported versions", async ({
  page,
  browser,
}) => {
  // Two sign-ups, a publish, a save, a download and two imports: over a minute on a loaded machine.
  test.slow();
  await signUp(page, "exp");
  const title = unique("Exported ");
  const id = await publish(page, {
    title,
    code: "<p>first version</p>",
    visibility: "Public",
    chat: JSON.stringify([{ role: "user", content: "make a first version" }]),
  });
  await saveVersion(page, id, "<p>second version</p>", "Made it second", "two");

  await page.goto(`/a/${id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download .zip" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^exported-[a-z0-9-]+\.vitrine\.zip$/);
  const zipPath = test.info().outputPath("artifact.zip");
  await download.saveAs(zipPath);

  const importer = await newUserPage(browser, "imp");
  await importer.goto("/import");
  // A refusal first: a clear sentence, and nothing created.
  await importer.getByLabel("Vitrine archive (.zip)").setInputFiles({
    name: "notes.zip",
    mimeType: "application/zip",
    buffer: Buffer.from("just some text"),
  });
  await importer.getByRole("button", { name: "Import" }).click();
  await expect(importer.getByText("This file is not a zip archive.").first()).toBeVisible();
  await expect(importer).toHaveURL(/\/import$/);

  await importer.getByLabel("Vitrine archive (.zip)").setInputFiles(zipPath);
  await importer.getByRole("button", { name: "Import" }).click();
  await expect(importer).toHaveURL(/\/a\/[0-9a-f-]{36}\/versions$/);
  const newId = importer.url().split("/a/")[1]!.split("/")[0]!;
  expect(newId).not.toBe(id);
  await expect(importer.getByRole("heading", { name: "Version history" })).toBeVisible();
  await expect(importer.getByRole("link", { name: `← ${title}` })).toBeVisible();
  await expect(importer.getByText("Made it second")).toBeVisible();

  const rows = await query<{
    version_index: number;
    parent: number | null;
    summary: string | null;
  }>(
    `select v.version_index, p.version_index as parent, v.summary
       from artifact_versions v left join artifact_versions p on p.id = v.parent_version_id
      where v.artifact_id = $1 order by v.version_index`,
    [newId],
  );
  expect(rows).toEqual([
    { version_index: 1, parent: null, summary: null },
    { version_index: 2, parent: 1, summary: "Made it second" },
  ]);
  const [same] = await query<{ same: boolean }>(
    `select bool_and(o.created_at = n.created_at and o.code_content = n.code_content) as same
       from artifact_versions o join artifact_versions n on n.version_index = o.version_index
      where o.artifact_id = $1 and n.artifact_id = $2`,
    [id, newId],
  );
  expect(same!.same).toBe(true);
  await importer.context().close();
});
