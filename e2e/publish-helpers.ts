// Helpers for the publishing tests (publish.spec.ts, versions.spec.ts, publish-visibility.spec.ts):
// fresh users signed up through the form, publishing and saving versions through the editor.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PASSWORD = "publish-e2e-password";
export const diffPageMerged = existsSync(
  path.resolve(import.meta.dirname, "../app/(public)/a/[id]/diff/page.tsx"),
);
export const previewMerged = existsSync(
  path.resolve(import.meta.dirname, "../components/artifact/artifact-preview.tsx"),
);

export function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function signUp(page: Page, prefix: string) {
  const handle = unique(prefix);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).not.toHaveURL(/\/signup/);
  return handle;
}

export async function newUserPage(browser: Browser, prefix: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signUp(page, prefix);
  return page;
}

/** Types into CodeMirror once it has replaced the textarea (the form works without it too). */
export async function setCode(page: Page, code: string) {
  const editor = page.getByTestId("code-editor").locator(".cm-content");
  await expect(editor).toBeVisible();
  await editor.fill(code);
  await expect(page.locator('textarea[name="code"]')).toHaveValue(code);
}

export async function publish(
  page: Page,
  opts: {
    title: string;
    code: string;
    visibility?: "Public" | "Private";
    chat?: string;
    showChat?: boolean;
    history?: boolean;
  },
) {
  await page.goto("/new");
  await page.getByLabel("Title").fill(opts.title);
  await page.getByLabel("Description").fill("A *small* thing.");
  await page.getByLabel("Language").selectOption("html");
  await setCode(page, opts.code);
  if (opts.visibility === "Public") await page.getByLabel("Public", { exact: true }).check();
  if (opts.history === false) await page.getByLabel("Show version history").uncheck();
  if (opts.showChat) await page.getByLabel("Show chat").check();
  if (opts.chat) await page.getByLabel("Chat transcript", { exact: true }).fill(opts.chat);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page).toHaveURL(/\/a\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: opts.title })).toBeVisible();
  return page.url().split("/a/")[1]!;
}

export async function saveVersion(
  page: Page,
  id: string,
  code: string,
  summary: string,
  label = "",
) {
  await page.goto(`/a/${id}/edit`);
  await setCode(page, code);
  await page.getByLabel("What changed").fill(summary);
  if (label) await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${id}(\\?saved=.*)?$`));
}
