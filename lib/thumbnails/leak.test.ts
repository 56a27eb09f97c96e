import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser } from "./chromium";
import { profileFolders, thumbnailBrowserTrees } from "./processes";
import { RenderCutOff, renderScreenshot } from "./render";
import { browserForTests } from "./test-browser";

// The leak the issue reported: every cut-off render left a browser running. Real Chromium, real
// endless loops; the count comes from /proc (process groups of browsers this process launched).
// In CI a missing browser fails loudly (browserForTests), never a silent skip.
const hasBrowser = await browserForTests();

describe.runIf(hasBrowser)("the thumbnail browser under endless loops", () => {
  afterAll(() => closeBrowser());

  it("leaves at most one Chromium process tree after 20 busy-looping renders", async () => {
    // A short stall window keeps the test quick; the mechanism is the one production uses.
    const limits = { stallMs: 1500, hardLimitMs: 30_000 };
    for (let i = 0; i < 20; i++) {
      const attempt = renderScreenshot(
        { language: "html", code: `<p>${i}</p><script>while(true){}</script>` },
        limits,
      );
      await expect(attempt).rejects.toBeInstanceOf(RenderCutOff);
      expect(
        thumbnailBrowserTrees().length,
        `browsers alive after render ${i + 1}`,
      ).toBeLessThanOrEqual(1);
    }
    // The browser still works afterwards: the next render launches one and succeeds.
    const png = await renderScreenshot({ language: "html", code: "<p>fine</p>" }, limits);
    expect(png).toBeInstanceOf(Buffer);
    expect(thumbnailBrowserTrees()).toHaveLength(1);
    await closeBrowser();
    expect(thumbnailBrowserTrees()).toHaveLength(0);
    // Twenty-one browsers were launched; none left its profile folder (cache, crash database) in /tmp.
    expect(profileFolders()).toEqual([]);
  }, 300_000);
});
