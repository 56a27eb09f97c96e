// Uploaded bytes and artifact images keep their own CSP (`default-src 'none'; sandbox`) on the real
// server, not the app's (issue 12, item 11): nothing served from them may run or load anything.
import sharp from "sharp";
import { createUser, expect, insertArtifact, query, signIn, test } from "./fixtures";

const USER_CONTENT_CSP = "default-src 'none'; sandbox";

test("an uploaded avatar and an artifact thumbnail are served with the sandbox CSP", async ({
  page,
}) => {
  const user = await createUser("csp");
  await signIn(page, user.email, user.password);
  const upload = await page.request.post("/api/uploads/avatar", {
    headers: { Accept: "application/json", Origin: new URL(page.url()).origin },
    multipart: {
      avatar: {
        name: "a.png",
        mimeType: "image/png",
        buffer: await sharp({
          create: { width: 32, height: 32, channels: 3, background: "#0ea5e9" },
        })
          .png()
          .toBuffer(),
      },
    },
  });
  expect(upload.status()).toBe(200);
  const { avatarUrl } = (await upload.json()) as { avatarUrl: string };
  expect(avatarUrl).toMatch(/^\/api\/uploads\//);

  const avatar = await page.request.get(avatarUrl);
  expect(avatar.status()).toBe(200);
  expect(avatar.headers()["content-security-policy"]).toBe(USER_CONTENT_CSP);
  expect(avatar.headers()["x-content-type-options"]).toBe("nosniff");

  // The same stored file as the thumbnail of one of this user's artifacts, through the media route.
  const artifact = await insertArtifact(user.id, { title: "CSP thumbnail", visibility: "public" });
  await query(
    "insert into artifact_media (artifact_id, screenshot_url, thumb_url) values ($1, $2, $2)",
    [artifact.id, avatarUrl],
  );
  const thumb = await page.request.get(`/api/media/${artifact.id}/thumb`);
  expect(thumb.status()).toBe(200);
  expect(thumb.headers()["content-type"]).toMatch(/^image\//);
  expect(thumb.headers()["content-security-policy"]).toBe(USER_CONTENT_CSP);

  // Their refusals too.
  for (const path of [
    "/api/uploads/avatars/nope.webp",
    "/api/media/00000000-0000-4000-8000-000000000000/thumb",
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["content-security-policy"], path).toBe(USER_CONTENT_CSP);
  }
});
