import sharp from "sharp";
import { createUser, expect, insertArtifact, query, signIn, test } from "./fixtures";
import { png, uploadAvatar } from "./avatar-images";

// Profiles: setting one up, the profile form, handles, and what others see on it. Users are made
// fresh per test (createUser), so nothing here depends on the demo seed or on another spec.

test("set up a profile and an avatar, then see it signed out at /u/handle and /@handle", async ({
  page,
  browser,
}) => {
  const user = await createUser("maker");
  await signIn(page, user.email, user.password);
  await page.goto("/settings/profile");
  await page.getByLabel("Display name").fill("Ada Maker");
  await page
    .getByLabel("Bio")
    .fill(
      "I build **tiny** things. <script>window.pwned=1</script> [site](https://example.org) [bad](javascript:alert(1))",
    );
  await page.getByLabel("City").fill("Lyon");
  await page.getByLabel("Country").fill("France");
  await page.getByLabel("Age", { exact: true }).fill("36");
  await page.getByLabel("Gender", { exact: true }).fill("woman");
  // Age is shown because its box is ticked; gender is filled in but not opted in (issue 16).
  await page.getByLabel("Show my age on my public profile").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  await uploadAvatar(page, "me.png", "image/png", await png(400, 300));
  await expect(page.getByText("Your new avatar is saved.")).toBeVisible();
  const [{ avatar_url: avatarUrl }] = (await query<{ avatar_url: string }>(
    "select avatar_url from profiles where user_id = $1",
    [user.id],
  )) as [{ avatar_url: string }];
  expect(avatarUrl).toMatch(/^\/api\/uploads\/avatars\/[0-9a-f-]+\/[0-9a-f]+\.webp$/);
  const image = await page.request.get(avatarUrl);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  const meta = await sharp(await image.body()).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const url of [`/u/${user.handle}`, `/@${user.handle.toUpperCase()}`]) {
    const res = await visitor.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(visitor.getByRole("heading", { level: 1, name: "Ada Maker" })).toBeVisible();
    await expect(visitor.getByText(`@${user.handle}`, { exact: true })).toBeVisible();
    await expect(visitor.locator("strong", { hasText: "tiny" })).toBeVisible();
    await expect(visitor.getByRole("link", { name: "site" })).toHaveAttribute(
      "rel",
      "ugc nofollow noopener noreferrer",
    );
    await expect(visitor.locator('a[href^="javascript"]')).toHaveCount(0);
    expect(await visitor.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await expect(visitor.getByText("Lyon, France")).toBeVisible();
    await expect(visitor.getByText("36", { exact: true })).toBeVisible();
    await expect(visitor.getByText("Gender")).toHaveCount(0); // filled in, not opted in
    await expect(visitor.getByText("woman")).toHaveCount(0);
    await expect(visitor.locator(`img[src="${avatarUrl}"]`).first()).toBeVisible();
    await expect(visitor).toHaveTitle(`Ada Maker (@${user.handle}) · Vitrine`);
    await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute(
      "content",
      `Ada Maker (@${user.handle})`,
    );
    await expect(visitor.locator('meta[name="description"]')).toHaveAttribute(
      "content",
      /I build tiny things/,
    );
    await expect(visitor.getByRole("link", { name: "Edit profile" })).toHaveCount(0);
  }
  await anonymous.close();
  expect((await page.goto("/u/no-such-handle-here"))?.status()).toBe(404);
});

test("profile form: per-field messages tied to their fields, values kept, nothing saved", async ({
  page,
}) => {
  const user = await createUser("fields");
  await signIn(page, user.email, user.password);
  await page.goto("/settings/profile");
  await page.getByLabel("Display name").fill("x".repeat(81));
  await page.getByLabel("Age", { exact: true }).fill("two hundred");
  await page.getByLabel("City").fill("Paris");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#displayName-error")).toHaveText(
    "Display name is at most 80 characters.",
  );
  await expect(page.locator("#age-error")).toHaveText("Age must be a whole number from 1 to 150.");
  await expect(page.getByLabel("Display name")).toHaveAttribute(
    "aria-describedby",
    /displayName-error/,
  );
  await expect(page.getByLabel("Display name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Age", { exact: true })).toHaveValue("two hundred");
  await expect(page.getByLabel("City")).toHaveValue("Paris");
  const [row] = await query<{ city: string | null }>(
    "select city from profiles where user_id = $1",
    [user.id],
  );
  expect(row!.city).toBeNull();

  await page.getByLabel("Display name").fill("Fine\u202Eenif");
  await page.getByLabel("Age", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#displayName-error")).toHaveText(/right-to-left override/);
});

test("a crafted call cannot edit someone else's profile: extra fields are refused", async ({
  page,
}) => {
  const [me, other] = await Promise.all([createUser("crafty"), createUser("victim")]);
  await signIn(page, me.email, me.password);
  await page.goto("/settings/profile");
  await page.evaluate((otherId) => {
    const form = document.querySelector("form:has(#displayName)")!;
    for (const [name, value] of [
      ["userId", otherId],
      ["user_id", otherId],
    ]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name!;
      input.value = value!;
      form.appendChild(input);
    }
  }, other.id);
  await page.getByLabel("Display name").fill("Hijacked");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(/Unexpected field/);
  const rows = await query<{ display_name: string | null }>(
    "select display_name from profiles where user_id = any($1)",
    [[me.id, other.id]],
  );
  expect(rows.map((r) => r.display_name)).toEqual([null, null]);
});

test("changing the handle moves the profile; the old handle stops resolving; a taken one is refused", async ({
  page,
}) => {
  const [user, other] = await Promise.all([createUser("mover"), createUser("holder")]);
  await signIn(page, user.email, user.password);
  await page.goto("/settings/profile");
  await page.getByLabel("Handle").fill(other.handle.toUpperCase());
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator("#handle-error")).toHaveText(/that handle is taken/i);

  const next = `${user.handle.slice(0, 20)}-new`;
  await page.getByLabel("Handle").fill(next.toUpperCase());
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: `/@${next}` })).toBeVisible();
  expect((await page.goto(`/u/${user.handle}`))?.status()).toBe(404);
  expect((await page.goto(`/u/${next}`))?.status()).toBe(200);
  await page.getByRole("banner").getByLabel("Account menu").click();
  await expect(page.getByRole("banner").getByText(`@${next}`)).toBeVisible();
});

test("owners see their private artifacts marked Private; others never see them, nor count them", async ({
  page,
  browser,
}) => {
  const owner = await createUser("owner");
  const other = await createUser("other");
  const pub = await insertArtifact(owner.id, {
    title: "Open sketch",
    visibility: "public",
    likes: 3,
  });
  await insertArtifact(owner.id, { title: "Secret sketch", visibility: "private", likes: 50 });
  await insertArtifact(other.id, {
    title: "Private fork",
    visibility: "private",
    forkedFromId: pub.id,
  });
  await insertArtifact(other.id, {
    title: "Public fork",
    visibility: "public",
    forkedFromId: pub.id,
  });

  await signIn(page, owner.email, owner.password);
  await page.goto(`/u/${owner.handle}`);
  const secret = page.getByRole("listitem").filter({ hasText: "Secret sketch" });
  await expect(secret.getByText("Private", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit profile" })).toBeVisible();

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  for (const sort of ["newest", "liked"]) {
    await visitor.goto(`/u/${owner.handle}?sort=${sort}`);
    await expect(visitor.getByRole("link", { name: "Open sketch" })).toBeVisible();
    await expect(visitor.getByText("Secret sketch")).toHaveCount(0);
  }
  const stat = (label: string) =>
    visitor
      .locator("dl div")
      .filter({ has: visitor.locator("dt", { hasText: label }) })
      .locator("dd");
  await expect(stat("Public artifacts")).toHaveText("1");
  await expect(stat("Likes received")).toHaveText("3");
  await expect(stat("Forks received")).toHaveText("1"); // the private fork is not counted

  await visitor.goto(`/u/${other.handle}?tab=forks`);
  await expect(visitor.getByRole("link", { name: "Public fork" })).toBeVisible();
  await expect(visitor.getByText("Private fork")).toHaveCount(0);
  await anonymous.close();
});
