import type { Browser, Page } from "@playwright/test";
import {
  createUser,
  expect,
  grantModerator,
  insertArtifact,
  query,
  signIn,
  test,
} from "./fixtures";

// Reports and moderation (issue 15 part 3), as the people involved: a reporter, a moderator granted
// by the operator command, the artifact's owner, another user and an anonymous visitor.

type Person = Awaited<ReturnType<typeof createUser>>;

async function pageAs(browser: Browser, person: Person | null): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  if (person) await signIn(page, person.email, person.password);
  return page;
}

/** Pictures for people to look at (README, reviews) when MODERATION_SCREENSHOTS names a folder. */
async function screenshots(page: Page, name: string) {
  const dir = process.env.MODERATION_SCREENSHOTS;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function status(page: Page, path: string) {
  return (await page.request.get(path, { maxRedirects: 0 })).status();
}

test("a report reaches a moderator who hides the artifact: 404 for others, the owner appeals, the moderator restores", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [owner, reporter, moderator] = [
    await createUser("mod-owner"),
    await createUser("mod-reporter"),
    await createUser("mod-mod"),
  ];
  await grantModerator(moderator.handle);
  const title = `Free gift cards ${Date.now()}`;
  const { id } = await insertArtifact(owner.id, { title, visibility: "public" });

  // The reporter: "Other" needs a text; then a report; a second report is refused with a sentence.
  const reporterPage = await pageAs(browser, reporter);
  await reporterPage.goto(`/a/${id}`);
  await reporterPage.getByRole("button", { name: "Report", exact: true }).click();
  const dialog = reporterPage.getByRole("dialog", { name: "Report this artifact" });
  await dialog.getByRole("radio", { name: "Other" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Say what is wrong when you choose “Other”.")).toBeVisible();
  await dialog.getByRole("radio", { name: "Malware or phishing" }).check();
  await dialog.getByLabel(/Details/).fill("It asks for card numbers.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Thank you. A moderator will look at your report.")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await reporterPage.reload();
  await reporterPage.getByRole("button", { name: "Report", exact: true }).click();
  await dialog.getByRole("radio", { name: "Spam" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText(/You have already reported this/)).toBeVisible();
  expect(await query("select reason from reports where artifact_id = $1", [id])).toEqual([
    { reason: "malware" },
  ]);

  // Before the hide, search finds it.
  const anonymous = await pageAs(browser, null);
  await anonymous.goto(`/?q=${encodeURIComponent(title)}`);
  await expect(anonymous.locator(`a[href="/a/${id}"]`).first()).toBeVisible();

  // The moderator: the item with its report; a hide without a reason changes nothing.
  const modPage = await pageAs(browser, moderator);
  await modPage.goto("/moderation");
  const item = modPage.getByTestId("queue-item").filter({ hasText: title });
  await expect(item).toContainText("Malware or phishing");
  await expect(item).toContainText("It asks for card numbers.");
  await screenshots(modPage, "moderation-queue");
  await item.getByRole("button", { name: "Hide artifact" }).click();
  await expect(item.getByText(/Give a reason/).first()).toBeVisible();
  expect((await query("select hidden_at from artifacts where id = $1", [id]))[0]).toEqual({
    hidden_at: null,
  });
  await item.getByLabel(/Reason/).fill("Phishing for card numbers.");
  await item.getByRole("button", { name: "Hide artifact" }).click();
  await expect(modPage.getByText(/^Hidden\. Only its owner/)).toBeVisible();

  // Everyone else: 404 exactly like private, on the page, raw, versions, thumbnails and search.
  for (const path of [`/a/${id}`, `/a/${id}/raw`, `/a/${id}/versions`, `/api/media/${id}/thumb`]) {
    expect(await status(anonymous, path), `anonymous ${path}`).toBe(404);
    expect(await status(reporterPage, path), `another user ${path}`).toBe(404);
  }
  await anonymous.goto(`/?q=${encodeURIComponent(title)}`);
  // (The page repeats the query itself, so look for the card's link, not the title.)
  await expect(anonymous.getByText("No artifacts match")).toBeVisible();
  await expect(anonymous.locator(`a[href="/a/${id}"]`)).toHaveCount(0);
  expect(await status(modPage, `/a/${id}`)).toBe(200);

  // The owner: the banner says why; one appeal.
  const ownerPage = await pageAs(browser, owner);
  await ownerPage.goto(`/a/${id}`);
  const notice = ownerPage.getByTestId("moderation-notice");
  await expect(notice).toContainText("Phishing for card numbers.");
  await notice.getByLabel(/Appeal this decision/).fill("It is a security-awareness demo.");
  await notice.getByRole("button", { name: "Send appeal" }).click();
  // The page re-renders with the appeal in place of the form (revalidatePath), or says it was sent.
  await expect(notice).toContainText(
    /Your appeal was sent to the moderators\.|Your appeal \(waiting for a moderator\)/,
  );
  await ownerPage.reload();
  await expect(notice).toContainText("Your appeal (waiting for a moderator)");
  await expect(notice.getByRole("button", { name: "Send appeal" })).toHaveCount(0);

  // The moderator restores from the appeal; everyone sees it again.
  await modPage.goto("/moderation");
  await expect(item).toContainText("It is a security-awareness demo.");
  await item.getByLabel(/Reason/).fill("Appeal accepted: a labelled demo.");
  await item.getByRole("button", { name: "Restore artifact" }).click();
  await expect(modPage.getByText(/^Restored\./)).toBeVisible();
  expect(await status(anonymous, `/a/${id}`)).toBe(200);
  expect(
    await query(
      "select action, reason, moderator_user_id from moderation_actions where artifact_id = $1 order by created_at",
      [id],
    ),
  ).toEqual([
    { action: "hide", reason: "Phishing for card numbers.", moderator_user_id: moderator.id },
    {
      action: "restore",
      reason: "Appeal accepted: a labelled demo.",
      moderator_user_id: moderator.id,
    },
  ]);
  for (const page of [reporterPage, modPage, anonymous, ownerPage]) await page.context().close();
});

test("a reported comment is deleted by a moderator; /moderation is 404 for everyone else", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const [owner, troll, reporter, moderator] = [
    await createUser("cm-owner"),
    await createUser("cm-troll"),
    await createUser("cm-reporter"),
    await createUser("cm-mod"),
  ];
  await grantModerator(moderator.handle);
  const { id } = await insertArtifact(owner.id, {
    title: `Chart ${Date.now()}`,
    visibility: "public",
  });
  const [comment] = await query<{ id: string }>(
    `with c as (insert into comments (artifact_id, author_user_id, body) values ($1, $2, 'You are all idiots') returning id)
     update artifacts set comments_count = comments_count + 1 where id = $1 returning (select id from c)`,
    [id, troll.id],
  );

  const anonymous = await pageAs(browser, null);
  const reporterPage = await pageAs(browser, reporter);
  expect(await status(anonymous, "/moderation")).toBe(404);
  expect(await status(reporterPage, "/moderation")).toBe(404);

  await reporterPage.goto(`/a/${id}`);
  const shown = reporterPage.getByTestId("comment").filter({ hasText: "You are all idiots" });
  await shown.getByRole("button", { name: "Report" }).click();
  const dialog = reporterPage.getByRole("dialog", { name: "Report this comment" });
  await dialog.getByRole("radio", { name: "Abuse or harassment" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Thank you. A moderator will look at your report.")).toBeVisible();

  const modPage = await pageAs(browser, moderator);
  await modPage.goto("/moderation");
  const item = modPage.getByTestId("queue-item").filter({ hasText: "You are all idiots" });
  await expect(item).toContainText("Abuse or harassment");
  await item.getByLabel(/Reason/).fill("Insults other users.");
  await item.getByRole("button", { name: "Delete comment" }).click();
  await expect(item.getByText("Comment deleted.")).toBeVisible();
  await modPage.reload();
  await expect(item).toHaveCount(0);
  expect(await query("select id from comments where id = $1", [comment!.id])).toEqual([]);
  expect(
    await query("select action, comment_id from moderation_actions where artifact_id = $1", [id]),
  ).toEqual([{ action: "delete_comment", comment_id: comment!.id }]);
  for (const page of [anonymous, reporterPage, modPage]) await page.context().close();
});
