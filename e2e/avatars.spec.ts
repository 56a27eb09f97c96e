import sharp from "sharp";
import { createUser, expect, query, signIn, test } from "./fixtures";
import { hugePngHeader, png, uploadAvatar } from "./avatar-images";

// Avatar uploads refused, and the upload route serving image keys only. Users are made fresh per
// test (createUser), so nothing here depends on the demo seed or on another spec.

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
