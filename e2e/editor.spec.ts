import type { Locator, Page } from "@playwright/test";
import { CHATGPT_COPIED } from "../domain/chat-import/samples";
import { PREVIEW_URL, expect, query, test } from "./fixtures";
import { publish, setCode, signUp, unique } from "./publish-helpers";

// The split editor (issue 16): the live sandboxed preview beside the code, templates, language
// read from the code, the chat transcript read on the server before publishing, "Saved v2 · See
// changes", and the first steps after sign-up. Screenshots go to the test's output folder.

// Each test signs up and waits for several server round trips and fresh frames on a shared 2-core
// machine, plus screenshots: more than the default minute.
test.describe.configure({ timeout: 120_000 });

const preview = (page: Page) => page.getByTestId("live-preview").frameLocator("iframe");

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not laid out");
  return b;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  // Full-page captures can miss the cross-origin frame's paint: a viewport shot of the preview too.
  const live = page.getByTestId("live-preview");
  if (await live.count()) {
    await live.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`${name}-preview.png`) });
  }
}

test("type on /new: the sandboxed preview follows before publishing, beside the code at 1280 px", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const handle = await signUp(page, "live");
  // Sign-up lands on the first steps, every one of them skippable.
  await expect(page).toHaveURL(/\/start$/);
  await expect(page.getByRole("heading", { name: `Welcome, @${handle}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip for now" })).toHaveAttribute("href", "/");
  await shot(page, "start-1280");
  await page.getByRole("link", { name: "Paste your own code" }).click();
  await expect(page).toHaveURL(/\/new$/);

  await setCode(page, '<h1 id="greeting">Hello from the editor</h1>');
  await expect(page.getByLabel("Language")).toHaveValue("html");
  await expect(preview(page).locator("#greeting")).toHaveText("Hello from the editor", {
    timeout: 30_000,
  });
  // The artifact page's frame: the preview origin, sandboxed without the app's origin.
  const frame = page.getByTestId("live-preview").locator("iframe");
  await expect(frame).toHaveAttribute("src", `${PREVIEW_URL}/sandbox/v1`);
  expect(await frame.getAttribute("sandbox")).not.toContain("allow-same-origin");
  expect(new URL(PREVIEW_URL).origin).not.toBe(new URL(page.url()).origin);

  await setCode(page, '<h1 id="greeting">Changed while typing</h1>');
  await expect(preview(page).locator("#greeting")).toHaveText("Changed while typing", {
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/new$/); // nothing was published to see it

  const editor = await box(page.getByTestId("code-editor"));
  const frameBox = await box(page.getByTestId("live-preview"));
  expect(frameBox.x).toBeGreaterThanOrEqual(editor.x + editor.width);
  expect(Math.abs(frameBox.y - editor.y)).toBeLessThan(80);
  await shot(page, "new-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  const editorPhone = await box(page.getByTestId("code-editor"));
  const previewPhone = await box(page.getByTestId("live-preview"));
  expect(previewPhone.y).toBeGreaterThanOrEqual(editorPhone.y + editorPhone.height);
  await expect(preview(page).locator("#greeting")).toHaveText("Changed while typing", {
    timeout: 30_000,
  });
  await shot(page, "new-390");

  // A language chosen by hand sticks while the code keeps reading as HTML.
  await page.getByLabel("Language").selectOption("markdown");
  await setCode(page, "<div><p>still html-looking</p></div>");
  await expect(page.getByLabel("Language")).toHaveValue("markdown");
  await expect(page.getByTestId("language-hint")).toContainText("Chosen by you");
});

test("template, pasted ChatGPT transcript with its message preview, publish", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const handle = await signUp(page, "tpl");
  await page.goto("/new");
  await page.getByTestId("templates").getByRole("button", { name: "React component" }).click();
  await expect(page.getByLabel("Language")).toHaveValue("jsx");
  await expect(page.locator('textarea[name="code"]')).toHaveValue(/useState/);
  // React transpiled on the server, run in the frame with Tailwind, as on the artifact page.
  const button = preview(page).getByRole("button", { name: "Clicked 0 times" });
  await expect(button).toBeVisible({ timeout: 30_000 });
  await button.click();
  await expect(preview(page).getByRole("button", { name: "Clicked 1 time" })).toBeVisible({
    timeout: 30_000,
  });

  const chat = page.getByLabel("Chat transcript", { exact: true });
  await chat.fill("Some notes about the counter, no speakers.");
  await expect(page.getByTestId("chat-read")).toContainText("We could not tell who said what.");
  await chat.fill(CHATGPT_COPIED);
  await expect(page.getByTestId("chat-read")).toContainText(
    "Read as a pasted conversation: 4 messages.",
  );
  const messages = page.getByTestId("chat-messages").getByRole("listitem");
  await expect(messages).toHaveCount(4);
  await expect(messages.first()).toContainText("You");
  await expect(messages.first()).toContainText("Make me a pomodoro timer");
  await expect(messages.nth(1)).toContainText("Assistant");
  await expect(
    page.getByText("2 lines before the first speaker line were left out."),
  ).toBeVisible();
  await page.getByLabel("Show chat").check();
  await shot(page, "new-template-chat-1280");

  // Refused (no title): code, chat and language all stay.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Give your artifact a title." }),
  ).toBeVisible();
  await expect(page.locator('textarea[name="code"]')).toHaveValue(/useState/);
  await expect(chat).toHaveValue(CHATGPT_COPIED);
  await expect(page.getByLabel("Language")).toHaveValue("jsx");

  const title = unique("Counter ");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  const id = page.url().split("/a/")[1]!;
  const [row] = await query<{ chat: { messages: { role: string; content: string }[] } }>(
    `select v.chat from artifact_versions v join artifacts a on a.current_version_id = v.id
      join profiles p on p.user_id = a.owner_user_id where a.id = $1 and p.handle = $2`,
    [id, handle],
  );
  expect(row!.chat.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
  expect(row!.chat.messages[3]!.content).toBe("Sure — change the button's padding to `1rem 2rem`.");
});

test("save a version and follow See changes to the diff", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, "seen");
  const id = await publish(page, { title: unique("Seen "), code: '<p id="t">one</p>' });
  await page.goto(`/a/${id}/edit`);
  // The opened version runs at once, then follows the edit.
  await expect(preview(page).locator("#t")).toHaveText("one", { timeout: 30_000 });
  await shot(page, "edit-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  const editor = await box(page.getByTestId("code-editor"));
  expect((await box(page.getByTestId("live-preview"))).y).toBeGreaterThanOrEqual(
    editor.y + editor.height,
  );
  await shot(page, "edit-390");
  await page.setViewportSize({ width: 1280, height: 900 });
  await setCode(page, '<p id="t">two</p>');
  await expect(preview(page).locator("#t")).toHaveText("two", { timeout: 30_000 });
  await page.getByLabel("What changed").fill("one → two");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}\\?saved=2&from=1$`));
  const notice = page.getByTestId("saved-notice");
  await expect(notice).toContainText("Saved v2");
  await notice.getByRole("link", { name: "See changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}/diff\\?from=1&to=2$`));
  await expect(page.getByText("two").first()).toBeVisible();
});
