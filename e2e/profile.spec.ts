import { crc32 } from "node:zlib";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { createUser, expect, insertArtifact, query, signIn, test } from "./fixtures";

// Profiles, settings and avatars. Users are made fresh per test (createUser), so nothing here
// depends on the demo seed or on another spec.

async function png(width: number, height: number, color = "#e11d48"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

// A PNG whose header claims 20000×20000 without the pixels (decoding it would need 1.2 GB): the
// server must refuse it from the header, before any decoding.
function hugePngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function uploadAvatar(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel("Upload a new avatar").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Upload avatar" }).click();
}

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
  await page.getByLabel("Age").fill("36");
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
    await expect(visitor.getByText("Gender")).toHaveCount(0); // not filled in, so not shown
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
  await page.getByLabel("Age").fill("two hundred");
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
  await expect(page.getByLabel("Age")).toHaveValue("two hundred");
  await expect(page.getByLabel("City")).toHaveValue("Paris");
  const [row] = await query<{ city: string | null }>(
    "select city from profiles where user_id = $1",
    [user.id],
  );
  expect(row!.city).toBeNull();

  await page.getByLabel("Display name").fill("Fine\u202Eenif");
  await page.getByLabel("Age").fill("");
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

test("avatar refusals: SVG, HTML named .png, over 5 MB, 20000×20000 — clear messages, old avatar kept", async ({
  page,
}) => {
  const user = await createUser("pics");
  await signIn(page, user.email, user.password);
  await page.goto("/settings/profile");
  await uploadAvatar(
    page,
    "ok.jpg",
    "image/jpeg",
    await sharp(await png(64, 64, "#0ea5e9"))
      .jpeg()
      .toBuffer(),
  );
  await expect(page.getByText("Your new avatar is saved.")).toBeVisible();
  const before = (
    await query<{ avatar_url: string }>("select avatar_url from profiles where user_id = $1", [
      user.id,
    ])
  )[0]!.avatar_url;

  const cases: [string, string, Buffer, RegExp][] = [
    [
      "evil.svg",
      "image/svg+xml",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      /SVG images are not accepted/,
    ],
    [
      "page.png",
      "image/png",
      Buffer.from("<!doctype html><html><script>alert(1)</script></html>"),
      /not an image \(it looks like HTML/,
    ],
    [
      "huge.png",
      "image/png",
      hugePngHeader(20000, 20000),
      /at most 40 megapixels; that image is 20000×20000/,
    ],
    [
      "big.png",
      "image/png",
      Buffer.concat([await png(10, 10), Buffer.alloc(6 * 1024 * 1024)]),
      /at most 5 MB; that file is 6\.0 MB/,
    ],
  ];
  for (const [name, type, buffer, message] of cases) {
    await uploadAvatar(page, name, type, buffer);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  }
  const after = (
    await query<{ avatar_url: string }>("select avatar_url from profiles where user_id = $1", [
      user.id,
    ])
  )[0]!.avatar_url;
  expect(after).toBe(before);
  expect((await page.request.get(before)).status()).toBe(200);

  // The server checks too, whatever the page does: 6 MB and 50 MB bodies are cut off with a 413.
  for (const size of [6, 50]) {
    const res = await page.request.post("/api/uploads/avatar", {
      headers: { Accept: "application/json", Origin: new URL(page.url()).origin },
      multipart: {
        avatar: {
          name: "big.png",
          mimeType: "image/png",
          buffer: Buffer.alloc(size * 1024 * 1024, 1),
        },
      },
    });
    expect(res.status(), `${size} MB`).toBe(413);
    expect((await res.json()).message).toMatch(/at most 5 MB/);
  }
  // Cross-site and sandboxed (Origin: null) posts are refused before anything is read.
  for (const origin of ["https://evil.example", "null"]) {
    const res = await page.request.post("/api/uploads/avatar", {
      headers: { Accept: "application/json", Origin: origin },
      multipart: { avatar: { name: "a.png", mimeType: "image/png", buffer: await png(10, 10) } },
    });
    expect(res.status(), origin).toBe(403);
  }
  expect(
    (
      await query<{ avatar_url: string }>("select avatar_url from profiles where user_id = $1", [
        user.id,
      ])
    )[0]!.avatar_url,
  ).toBe(before);
});

test("the upload route serves image keys only, never other files", async ({ request }) => {
  for (const path of [
    "/api/uploads/..%2F..%2Fpackage.json",
    "/api/uploads/avatars/x.html",
    "/api/uploads/avatars/nope.webp",
    "/api/uploads/auth-secret",
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-type"], path).not.toMatch(/html/);
  }
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
