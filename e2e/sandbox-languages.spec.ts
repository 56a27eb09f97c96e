// Each language runs in the preview: HTML documents and fragments, SVG, Markdown, JavaScript, React.
import { expect, test } from "./fixtures";
import { createArtifact, createSignedInOwner, preview, watch } from "./sandbox/helpers";

test.beforeAll(async ({ browser }) => createSignedInOwner(browser));

test.describe("each language runs in the preview", () => {
  test("HTML, as a full document with its own load events", async ({ page }) => {
    const id = await createArtifact(
      "html",
      `<!DOCTYPE html><html><head><style>h1{color:rgb(200,0,0)}</style></head><body><h1 id="t">Static</h1>
       <script>document.addEventListener("DOMContentLoaded", () => { document.getElementById("t").textContent = "Hello from HTML"; });</script></body></html>`,
    );
    await page.goto(`/a/${id}`);
    const heading = preview(page).getByRole("heading", { name: "Hello from HTML" });
    await expect(heading).toBeVisible();
    expect(await heading.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(200, 0, 0)");
    await expect(page.getByText("Starting preview…")).toBeHidden();
  });

  test("an HTML fragment", async ({ page }) => {
    const id = await createArtifact("html", `<p>Just a <strong>fragment</strong></p>`);
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByText("Just a fragment")).toBeVisible();
  });

  test("SVG, as an image scaled to fit", async ({ page }) => {
    const id = await createArtifact(
      "svg",
      `<svg viewBox="0 0 10 10"><rect width="10" height="10" fill="#00ff00"/><script>parent.postMessage({type:"error",message:"svg script ran"},"*")</script></svg>`,
    );
    await page.goto(`/a/${id}`);
    const img = preview(page).locator("img");
    await expect(img).toBeVisible();
    await expect
      .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    const shot = await page.locator('iframe[title^="Preview of"]').screenshot();
    expect(shot.length).toBeGreaterThan(0);
    const box = await img.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await expect(preview(page).getByText("svg script ran")).toHaveCount(0);
  });

  test("Markdown, without raw HTML or script links", async ({ page }) => {
    const id = await createArtifact(
      "markdown",
      `# Release notes\n\n- **bold** item\n- [safe](https://example.com) and [bad](javascript:alert(1))\n\n<img src=x onerror="document.body.dataset.pwned=1">\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`,
    );
    await page.goto(`/a/${id}`);
    const frame = preview(page);
    await expect(frame.getByRole("heading", { name: "Release notes" })).toBeVisible();
    await expect(frame.getByRole("table")).toBeVisible();
    await expect(frame.locator("img")).toHaveCount(0);
    expect(await frame.getByRole("link", { name: "safe" }).getAttribute("href")).toBe(
      "https://example.com",
    );
    expect(
      await frame.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")),
    ).not.toContainEqual(expect.stringContaining("javascript:"));
    expect(await frame.locator("body").getAttribute("data-pwned")).toBeNull();
  });

  test("a link in an artifact asks first, then opens in a new tab without opener or referrer", async ({
    page,
  }) => {
    const id = await createArtifact("markdown", "Read the [docs](https://example.com/docs) first.");
    const { pages } = await watch(page);
    await page.goto(`/a/${id}`);
    await preview(page).getByRole("link", { name: "docs" }).click();
    const ask = page.getByRole("dialog", { name: "Open link from the preview" });
    await expect(ask).toContainText("https://example.com/docs");
    const open = ask.getByRole("link", { name: "Open in new tab" });
    expect(await open.getAttribute("href")).toBe("https://example.com/docs");
    expect(await open.getAttribute("target")).toBe("_blank");
    expect(await open.getAttribute("rel")).toContain("noopener");
    // The frame itself did not navigate and nothing opened on its own.
    await expect(preview(page).getByRole("link", { name: "docs" })).toBeVisible();
    expect(pages).toEqual([]);
    await ask.getByRole("button", { name: "Cancel" }).click();
    await expect(ask).toBeHidden();
  });

  test("JavaScript, with document.body as its root", async ({ page }) => {
    const id = await createArtifact(
      "javascript",
      `const h = document.createElement("h2"); h.textContent = "From JS " + (6 * 7); document.body.append(h);
       document.addEventListener("DOMContentLoaded", () => { h.textContent += " after load"; });
       const s = "</script><b>still a string</b>";`,
    );
    await page.goto(`/a/${id}`);
    await expect(
      preview(page).getByRole("heading", { name: "From JS 42 after load" }),
    ).toBeVisible();
    await expect(preview(page).getByText("still a string")).toHaveCount(0);
  });

  test("React, a default-exported TSX component with state", async ({ page }) => {
    const id = await createArtifact(
      "tsx",
      `import { useState } from "react";
       type Props = { start?: number };
       export default function Counter({ start = 0 }: Props) {
         const [n, setN] = useState<number>(start);
         return <button onClick={() => setN(n + 1)}>Clicked {n} times</button>;
       }`,
    );
    await page.goto(`/a/${id}`);
    const button = preview(page).getByRole("button", { name: "Clicked 0 times" });
    await expect(button).toBeVisible();
    await button.click();
    await expect(preview(page).getByRole("button", { name: "Clicked 1 times" })).toBeVisible();
  });

  test("React importing lodash runs; a package outside the set is named in one sentence", async ({
    page,
  }) => {
    const lodash = await createArtifact(
      "jsx",
      `import _ from "lodash";\nexport default function App() { return <p>{_.capitalize("hello from lodash")}</p>; }`,
    );
    await page.goto(`/a/${lodash}`);
    await expect(preview(page).getByText("Hello from lodash")).toBeVisible();

    const unknown = await createArtifact(
      "jsx",
      `import { Chess } from "chess.js";\nexport default function App() { return <p>{new Chess().fen()}</p>; }`,
    );
    await page.goto(`/a/${unknown}`);
    await expect(
      preview(page).getByText(
        'The package "chess.js" is not available in the Vitrine preview, which runs only its built-in packages (see "Packages in the preview").',
      ),
    ).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a runtime error shows inside the frame and the page carries on", async ({ page }) => {
    const id = await createArtifact(
      "jsx",
      `export default function App() { throw new Error("Kaboom in render"); }`,
    );
    await page.goto(`/a/${id}`);
    await expect(preview(page).getByText(/Kaboom in render/)).toBeVisible();
    await expect(preview(page).getByText("Error in this artifact")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Code" })).toBeVisible();
  });

  test("CSS and Python show code only", async ({ page }) => {
    const id = await createArtifact("python", `print("no preview")`);
    await page.goto(`/a/${id}`);
    await expect(page.getByText('print("no preview")')).toBeVisible();
    await expect(page.locator('iframe[title^="Preview of"]')).toHaveCount(0);
  });
});
