import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { unique } from "./publish-helpers";

// The core task of issue 16, as a new user does it, at 1280 and at 390 px: sign up → first steps →
// publish from a template with the live preview running it → see it run on the artifact page →
// edit and save a new version → "See changes" → fork → the parent moves → compare the fork with
// it → sync from upstream. Only the first page is opened by URL; every other step is a click on
// what the user sees (role and label locators). Clicks and filled fields are counted and printed.

// About 30 steps with several server round trips and sandboxed frames each, on a shared 2-core machine.
test.describe.configure({ timeout: 480_000 });

/** Counts what a person does: each click, each field typed into. */
class Tally {
  clicks = 0;
  fields = 0;
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
  async fill(target: Locator, value: string) {
    this.fields += 1;
    await target.fill(value);
  }
}

// The sandboxed preview: beside the editor on /new and /edit, on the artifact page once published.
const frame = (page: Page) => page.locator('iframe[title^="Preview of"]').contentFrame();
const RUNS = { timeout: 45_000 };

/** Rewrites the page in the code editor, as one edit (one field). */
async function editCode(page: Page, tally: Tally, from: string, to: string) {
  const code = await page.locator('textarea[name="code"]').inputValue();
  expect(code).toContain(from);
  await tally.fill(page.getByTestId("code-editor").locator(".cm-content"), code.replace(from, to));
  await expect(page.locator('textarea[name="code"]')).toHaveValue(code.replace(from, to));
}

for (const width of [1280, 390]) {
  test(`the core task at ${width} px, with no detour`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    const tally = new Tally();
    const handle = unique("core");
    const title = `Counter ${handle.slice(-6)}`;

    // 1. Sign up (the only page opened by URL).
    await page.goto("/signup");
    await tally.fill(page.getByLabel("Email"), `${handle}@example.test`);
    await tally.fill(page.getByLabel("Handle"), handle);
    await tally.fill(page.getByLabel("Password", { exact: true }), "core-task-password");
    await tally.click(page.getByRole("button", { name: "Create account" }));

    // 2. First steps → a template, running in the live preview before anything is published.
    await expect(page.getByRole("heading", { name: `Welcome, @${handle}` })).toBeVisible();
    await tally.click(
      page.getByRole("list", { name: "Templates" }).getByRole("link", { name: "HTML page" }),
    );
    await expect(frame(page).getByRole("heading", { name: "Hello, Vitrine" })).toBeVisible(RUNS);
    await tally.click(frame(page).getByRole("button", { name: "Clicked 0 times" }));
    await expect(frame(page).getByRole("button", { name: "Clicked 1 time" })).toBeVisible();

    // 3. Publish; the artifact page runs it.
    await tally.fill(page.getByLabel("Title"), title);
    await tally.click(page.getByRole("button", { name: "Publish" }));
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(frame(page).getByRole("heading", { name: "Hello, Vitrine" })).toBeVisible(RUNS);

    // 4. Edit and save a new version; the preview follows the edit; "See changes" is the diff.
    await tally.click(page.getByRole("link", { name: "Edit", exact: true }));
    await expect(page.getByRole("button", { name: "Save new version" })).toBeVisible();
    await editCode(page, tally, "Hello, Vitrine", "Hello, world");
    await expect(frame(page).getByRole("heading", { name: "Hello, world" })).toBeVisible(RUNS);
    await tally.click(page.getByRole("button", { name: "Save new version" }));
    await expect(page.getByTestId("saved-notice")).toContainText("Saved v2");
    await tally.click(page.getByRole("link", { name: "See changes" }));
    await expect(
      page.getByRole("heading", { level: 1, name: /Changes from v1 to v2/ }),
    ).toBeVisible();
    await expect(page.getByText("Hello, world").first()).toBeVisible();

    // 5. Fork it (the same user: the fork is theirs to sync).
    await tally.click(page.getByRole("link", { name: `← ${title}` }));
    await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
    await tally.click(page.getByRole("link", { name: "Fork", exact: true }));
    await expect(page.getByLabel("Title")).toHaveValue(`${title} (fork)`);
    // Public, so the parent's fork count and tree show it (private forks are absent from counts).
    await tally.click(page.getByLabel("Public"));
    await tally.click(page.getByRole("button", { name: "Fork", exact: true }));
    await expect(page.getByRole("heading", { level: 1, name: `${title} (fork)` })).toBeVisible();
    await expect(
      page.getByText("No changes yet: this fork is identical to upstream."),
    ).toBeVisible();
    await expect(page.getByTestId("sync-hint")).toContainText("Sync from upstream");

    // 6. The parent moves on: a third version.
    await tally.click(
      page.getByTestId("lineage-line").getByRole("link", { name: title, exact: true }),
    );
    await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
    await tally.click(page.getByRole("link", { name: "Edit", exact: true }));
    await expect(page.getByRole("button", { name: "Save new version" })).toBeVisible();
    await editCode(page, tally, "Hello, world", "Hello again");
    await tally.click(page.getByRole("button", { name: "Save new version" }));
    await expect(page.getByTestId("saved-notice")).toContainText("Saved v3");

    // 7. Back to the fork through the fork tree; compare it with upstream's current.
    await tally.click(page.getByTestId("lineage-line").getByRole("link", { name: /1 fork/ }));
    await expect(page.getByRole("heading", { name: "Fork tree" })).toBeVisible();
    await tally.click(page.getByRole("link", { name: `${title} (fork)`, exact: true }).first());
    await expect(page.getByText("Upstream has 1 newer version")).toBeVisible();
    await tally.click(page.getByRole("link", { name: "Compare with upstream’s current" }));
    await expect(page.getByText("Hello again").first()).toBeVisible();

    // 8. Sync from upstream: the fork gets v3's code as its version 2.
    await tally.click(page.getByRole("link", { name: `← ${title} (fork)` }));
    await expect(page.getByRole("heading", { level: 1, name: `${title} (fork)` })).toBeVisible();
    await tally.click(page.getByText("Sync from upstream", { exact: true }));
    await tally.click(page.getByRole("button", { name: "Import v3 as a new version" }));
    await expect(page.getByText(/Upstream has \d+ newer/)).toHaveCount(0);
    await expect(page.getByTestId("version-name")).toHaveText("v2");
    await expect(frame(page).getByRole("heading", { name: "Hello again" })).toBeVisible(RUNS);

    const summary = `core task at ${width} px: ${tally.clicks} clicks + ${tally.fields} fields = ${tally.clicks + tally.fields}`;
    console.log(summary);
    test.info().annotations.push({ type: "count", description: summary });
  });
}
