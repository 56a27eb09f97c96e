// The real kit through the preview's Tailwind step (lib/preview/tailwind): an artifact that imports
// shadcn/ui modules gets the theme's variables, the utilities of the components it imports (found
// in the kit files themselves) and tw-animate-css's animations.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { styleForPreview } from "@/lib/preview/tailwind/artifact";

const corpus = path.join(process.cwd(), "data", "fixtures", "preview-corpus");

async function cssFor(file: string): Promise<string> {
  const source = readFileSync(path.join(corpus, file), "utf8");
  const { css } = await styleForPreview("react", source, source);
  if (!css) throw new Error(`no stylesheet for ${file}`);
  return css;
}

describe("kit artifacts in the preview's Tailwind", () => {
  it("a settings form gets the theme, the kit's utilities and the popover animations", async () => {
    const css = await cssFor("shadcn-settings-form.tsx");
    expect(css).toContain("--primary: oklch(0.205 0 0)");
    expect(css).toContain("--radius: 0.625rem");
    // From the kit files (the artifact itself never writes these):
    expect(css).toMatch(/\.data-\\\[state\\=checked\\\]\\:bg-primary\[data-state="checked"\]/); // switch
    expect(css).toContain(".h-\\[1\\.15rem\\]"); // switch
    expect(css).toContain(".bg-popover"); // select content
    // tw-animate-css, imported by the theme:
    expect(css).toMatch(/\.data-\\\[state\\=open\\\]\\:animate-in\[data-state="open"\]/);
    expect(css).toContain("@keyframes enter");
    // The theme's base layer: borders take the theme's colour.
    expect(css).toMatch(/border-color: var\(--border\)/);
  });

  it("dark: follows a .dark ancestor, as shadcn/ui's theme says", async () => {
    const css = await cssFor("shadcn-dark-login.tsx");
    expect(css).toMatch(/\.dark \{[^}]*--card: oklch\(0\.205 0 0\)/);
    expect(css).toContain(":is(.dark *)");
    expect(css).not.toContain("prefers-color-scheme: dark");
  });
});
