import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

// Every demo user signs in with this password (db/seed.ts); the README says so too.
export const DEMO_PASSWORD = "vitrine-demo-password";

export const PREVIEW_URL = process.env.E2E_PREVIEW_URL ?? "http://127.0.0.1:3000";

/** Direct database reads for assertions ("nothing changed") — the app under test writes, we only look. */
export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export const test = base;
export { expect };
