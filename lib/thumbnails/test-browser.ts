import { chromiumExecutable } from "./chromium";

/**
 * Whether the Chromium tests can run. In CI a missing browser is an error, not a skip: the suite
 * would otherwise pass green with seven tests never run. Locally it skips, and says so.
 */
export async function browserForTests(): Promise<boolean> {
  const found = Boolean(await chromiumExecutable());
  if (!found && process.env.CI) {
    throw new Error(
      "Chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH. CI does not skip browser tests.",
    );
  }
  if (!found)
    console.warn(
      "[thumbnails] No Chromium found: the browser tests in this file are skipped (they fail in CI).",
    );
  return found;
}
