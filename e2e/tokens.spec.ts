import { createUser, expect, insertArtifact, signIn, test } from "./fixtures";

// Issue 14: a personal access token is created in /settings/tokens, shown once, works on the API
// as Bearer, shows its last use, and stops working when revoked. The browser's own cookie never
// works on the API.

test("a token is created, shown once, used on the API, and revoked", async ({ page }) => {
  const user = await createUser("tokens");
  const secret = await insertArtifact(user.id, { title: "Token secret", visibility: "private" });
  await signIn(page, user.email, user.password);

  await page.goto("/settings/tokens");
  await expect(page.getByText("You have no tokens yet.")).toBeVisible();
  await page.getByLabel("Name").fill("ci");
  await page.getByLabel("Scope").selectOption("write");
  await page.getByLabel("Expires").selectOption("30");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^vit_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await expect(page.getByText("it will not be shown again")).toBeVisible();

  // The browser's session cookie alone is nothing to the API: the private artifact is "missing"
  // and a write is 401. The token is what works.
  const url = `/api/v1/artifacts/${secret.id}`;
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.patch(url, { data: { title: "By cookie" } })).status()).toBe(401);
  const withToken = await page.request.get(url, { headers: { authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  expect((await withToken.json()).title).toBe("Token secret");

  // Shown once: after a reload the page holds only its prefix, and the list shows the use.
  await page.reload();
  expect(await page.content()).not.toContain(token);
  const row = page.getByRole("listitem").filter({ hasText: "ci" });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("write");
  await expect(row).not.toContainText("last used never");

  await row.getByRole("button", { name: "Revoke ci" }).click();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: "Revoke ci" })).toHaveCount(0);
  const after = await page.request.get(url, { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});
