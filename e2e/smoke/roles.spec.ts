import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

// Two web processes and one worker on one database behave as one site (issue 11 item 6): sign up on
// web 1, publish on web 2, the preview shows on web 1, the worker's thumbnail is served by both, a
// like on one shows on the other, and a fork. Started by e2e/smoke/run.ts (`npm run test:smoke`).

const WEB1 = process.env.SMOKE_WEB1!;
const WEB2 = process.env.SMOKE_WEB2!;
const PASSWORD = "smoke-test-password";

// Both web processes are on "localhost" (different ports): the browser sends the session cookie to
// both, and each must accept a session the other signed.
async function likesIn(artifactId: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int n from likes where artifact_id = $1",
      [artifactId],
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function heart(page: Page) {
  return page.locator("#main").getByTestId("like-button").last();
}

test("sign up on one web process, publish on the other, preview, thumbnail, like and fork across both", async ({
  page,
  request,
}) => {
  const handle = `smoke${Date.now().toString(36)}`;
  const title = `Smoke ${handle}`;

  await page.goto(`${WEB1}/signup`);
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup/);

  await page.goto(`${WEB2}/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Language").selectOption("html");
  const code = `<h1 id="hello">Hello from ${handle}</h1>`;
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(code);
  await expect(page.locator('textarea[name="code"]')).toHaveValue(code);
  await page.getByLabel("Public", { exact: true }).check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(new RegExp(`^${WEB2}/a/[0-9a-f-]{36}$`));
  const id = page.url().split("/a/")[1]!;

  // The preview, rendered on web 1's preview origin, shows the artifact's own document.
  await page.goto(`${WEB1}/a/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.frameLocator('iframe[title^="Preview of"]').locator("#hello")).toHaveText(
    `Hello from ${handle}`,
    { timeout: 30_000 },
  );

  // The worker renders the thumbnail; both web processes serve the same image (shared store).
  await expect
    .poll(async () => (await request.get(`${WEB1}/api/media/${id}/thumb`)).status(), {
      timeout: 90_000,
      intervals: [1000],
    })
    .toBe(200);
  const one = await request.get(`${WEB1}/api/media/${id}/thumb`);
  const two = await request.get(`${WEB2}/api/media/${id}/thumb`);
  expect(two.status()).toBe(200);
  expect(one.headers()["content-type"]).toBe("image/webp");
  expect(Buffer.compare(await one.body(), await two.body())).toBe(0);
  await page.goto(`${WEB2}/?q=${encodeURIComponent(title)}`);
  await expect(
    page.getByTestId("gallery-card").filter({ hasText: title }).getByTestId("thumbnail"),
  ).toBeVisible();

  // A like on web 1 is seen on web 2.
  await page.goto(`${WEB1}/a/${id}`);
  const like = await heart(page);
  await expect(like).toHaveAttribute("aria-pressed", "false");
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toContainText("1");
  // The button answers at once; wait for the write itself before asking the other process.
  await expect.poll(() => likesIn(id)).toBe(1);
  await page.goto(`${WEB2}/a/${id}`);
  const seen = await heart(page);
  await expect(seen).toHaveAttribute("aria-pressed", "true");
  await expect(seen).toContainText("1");

  // Fork on web 2; its page on web 1 names the parent.
  await page.goto(`${WEB2}/a/${id}/fork`);
  await page.getByLabel("Title").fill(`${title} fork`);
  await page.getByLabel("Public").check();
  await page.getByRole("button", { name: "Fork", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${WEB2}/a/[0-9a-f-]{36}$`));
  const forkId = page.url().split("/a/")[1]!;
  expect(forkId).not.toBe(id);
  await page.goto(`${WEB1}/a/${forkId}`);
  await expect(page.getByRole("heading", { level: 1, name: `${title} fork` })).toBeVisible();
  await expect(page.locator("#main").getByRole("link", { name: title }).first()).toBeVisible();
});
