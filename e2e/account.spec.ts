import { createUser, expect, insertArtifact, query, signIn, test } from "./fixtures";
import { png, uploadAvatar } from "./avatar-images";

// Account settings: the password, deleting the account, and signed-out visits. Users are made
// fresh per test (createUser), so nothing here depends on the demo seed or on another spec.

test("changing the password needs the current one and signs other sessions out", async ({
  page,
  browser,
}) => {
  const user = await createUser("rotate");
  const otherDevice = await browser.newContext();
  const phone = await otherDevice.newPage();
  await Promise.all([
    signIn(page, user.email, user.password),
    signIn(phone, user.email, user.password),
  ]);

  await page.goto("/settings/account");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#currentPassword-error")).toHaveText(
    "That is not your current password.",
  );

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#newPassword-error")).toHaveText(/at least 10 characters/);

  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();

  await page.reload(); // this session stays signed in
  await expect(page.getByRole("banner").getByLabel("Account menu")).toBeVisible();
  await phone.reload(); // the other one is signed out
  await expect(phone.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(phone, user.email, "a brand new password");
  await otherDevice.close();
});

test("deleting the account removes its profile, artifacts, versions and avatar; other people's forks survive", async ({
  page,
}) => {
  const user = await createUser("leaver");
  const forker = await createUser("forker");
  const source = await insertArtifact(user.id, { title: "Soon gone", visibility: "public" });
  await insertArtifact(user.id, { title: "Soon gone too", visibility: "private" });
  const fork = await insertArtifact(forker.id, {
    title: "Soon gone (fork)",
    visibility: "public",
    forkedFromId: source.id,
  });

  await signIn(page, user.email, user.password);
  await page.goto("/settings/profile");
  await uploadAvatar(page, "me.png", "image/png", await png(50, 50));
  await expect(page.getByText("Your new avatar is saved.")).toBeVisible();
  const avatarUrl = (
    await query<{ avatar_url: string }>("select avatar_url from profiles where user_id = $1", [
      user.id,
    ])
  )[0]!.avatar_url;

  await page.goto("/settings/account");
  await page.getByLabel(`Type ${user.handle} to confirm`).fill("something else");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#confirm-error")).toHaveText(`Type ${user.handle} to confirm.`);
  expect(await query("select 1 from users where id = $1", [user.id])).toHaveLength(1);

  await page.getByLabel(`Type ${user.handle} to confirm`).fill(user.handle);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  expect(await query("select 1 from users where id = $1", [user.id])).toHaveLength(0);
  expect(await query("select 1 from profiles where user_id = $1", [user.id])).toHaveLength(0);
  expect(await query("select 1 from artifacts where owner_user_id = $1", [user.id])).toHaveLength(
    0,
  );
  expect(
    await query("select 1 from artifact_versions where artifact_id = $1", [source.id]),
  ).toHaveLength(0);
  expect((await page.request.get(avatarUrl)).status()).toBe(404);
  expect((await page.goto(`/u/${user.handle}`))?.status()).toBe(404);

  const [survivor] = await query<{
    forked_from_id: string | null;
    forked_from_version_label: string | null;
  }>("select forked_from_id, forked_from_version_label from artifacts where id = $1", [fork.id]);
  expect(survivor).toEqual({ forked_from_id: null, forked_from_version_label: "v1" });
  expect((await page.goto(`/a/${fork.id}`))?.status()).toBe(200);
  expect((await page.goto(`/u/${forker.handle}?tab=forks`))?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Soon gone (fork)" })).toBeVisible();
});

test("settings pages send signed-out people to sign in and back", async ({ page }) => {
  const user = await createUser("comeback");
  await page.goto("/settings/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Faccount$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/account$/);
});
