import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPreviewPayload } from "@/lib/preview/payload";
import { styleForPreview } from "./artifact";
import { compileTailwind } from "./compile";
import { readPlayCdnConfig } from "./literal";

function cssOf(payload: Awaited<ReturnType<typeof buildPreviewPayload>>): string {
  if (!payload || payload.kind === "error" || payload.css === undefined)
    throw new Error("no stylesheet in the payload");
  return payload.css;
}

function codeOf(payload: Awaited<ReturnType<typeof buildPreviewPayload>>): string {
  if (!payload || payload.kind === "error") throw new Error("no code in the payload");
  return payload.code;
}

describe("Tailwind for React artifacts", () => {
  it("compiles exactly the classes the component uses, with preflight, arbitrary values and variants", async () => {
    const code = `export default function App() {
      return <div className="bg-blue-500 w-[37px] bg-[#1da1f2] hover:bg-red-500 md:flex dark:text-white group">
        <span className="group-hover:underline" /><input className="peer" /><p className="peer-checked:block">x</p>
      </div>;
    }`;
    const css = cssOf(await buildPreviewPayload("tsx", code));
    expect(css).toContain(".bg-blue-500");
    expect(css).toContain("--color-blue-500: oklch(62.3% 0.214 259.815)");
    expect(css).toMatch(/\.w-\\\[37px\\\] \{\s*width: 37px;/);
    expect(css).toMatch(/\.bg-\\\[\\#1da1f2\\\] \{\s*background-color: #1da1f2;/);
    expect(css).toMatch(/\.hover\\:bg-red-500:hover/);
    expect(css).toMatch(/@media \(width >= 48rem\) \{\s*\.md\\:flex/);
    expect(css).toContain("prefers-color-scheme: dark");
    expect(css).toContain(":where(.group):hover");
    expect(css).toContain(":where(.peer):checked ~ .peer-checked\\:block");
    // Preflight, as Claude's artifacts assume.
    expect(css).toContain("box-sizing: border-box");
    // v3's look, which these artifacts were written for: a bare border is gray-200.
    expect(css).toContain("border-color: var(--color-gray-200, currentColor)");
    expect(css).toContain("--color-gray-200: oklch(");
    // Only what is used: no unrelated utilities.
    expect(css).not.toContain(".bg-green-500");
  });

  it("works once per content: the same version is styled from the cache", async () => {
    const code = "export default () => <p className='text-emerald-700'>cached</p>;";
    const first = styleForPreview("react", code, code);
    expect(styleForPreview("react", code, code)).toBe(first);
    expect((await first).css).toContain(".text-emerald-700");
  });
});

describe("Tailwind for HTML artifacts", () => {
  const playCdn = `<!doctype html><html><head>
    <script src="https://cdn.tailwindcss.com?plugins=forms"></script>
    <script>
      tailwind.config = {
        darkMode: 'class',
        theme: { extend: { colors: { brand: { 500: '#ff5a1f' } }, fontFamily: { display: ["Poppins", 'sans-serif'] } } },
        plugins: [require('@tailwindcss/forms')], // code, not data: dropped
      }
    </script></head>
    <body class="bg-slate-100"><h1 class="text-brand-500 font-display dark:bg-black">Hi</h1></body></html>`;

  it("replaces the play CDN with the compiled CSS, where the script was, keeping the page's config", async () => {
    const html = codeOf(await buildPreviewPayload("html", playCdn));
    expect(html).not.toContain("cdn.tailwindcss.com");
    const style = /<style data-vitrine="tailwind">([\s\S]*?)<\/style>/.exec(html);
    expect(style).not.toBeNull();
    expect(html.indexOf("<style data-vitrine")).toBeLessThan(html.indexOf("tailwind.config"));
    expect(html).toContain("window.tailwind=window.tailwind||{config:{}}");
    const css = style![1]!;
    expect(css).toMatch(/\.text-brand-500 \{\s*color: #ff5a1f;/);
    expect(css).toMatch(/\.font-display \{\s*font-family: Poppins, sans-serif;/);
    expect(css).toContain(".bg-slate-100");
    // darkMode: 'class' → the dark variant follows a .dark class, not the system setting.
    expect(css).toContain(".dark\\:bg-black:is(.dark *)");
  });

  it("loads the official plugins the play-CDN URL asks for (forms, typography), and only those", async () => {
    const page = (plugins: string) =>
      `<script src="https://cdn.tailwindcss.com${plugins}"></script>
      <article class="prose lg:prose-xl"><h1>Notes</h1><p>Text</p></article><input type="email">`;
    const withPlugins = codeOf(
      await buildPreviewPayload("html", page("?plugins=forms,typography@0.5.10,aspect-ratio")),
    );
    expect(withPlugins).toMatch(/\.prose \{[^}]*color: var\(--tw-prose-body\)/);
    expect(withPlugins).toMatch(/\[type='email'\]/);
    const without = codeOf(await buildPreviewPayload("html", page("")));
    expect(without).not.toContain("--tw-prose-body");
    expect(without).not.toMatch(/\[type='email'\]/);
  });

  it("lets a page's own Tailwind CSS load an official plugin, and nothing else", async () => {
    const page = `<script src="https://cdn.jsdelivr.net/npm/@tailwindcss/browser@4"></script>
      <style type="text/tailwindcss">@plugin "@tailwindcss/typography";</style>
      <div class="prose">Hello</div>`;
    expect(codeOf(await buildPreviewPayload("html", page))).toContain("--tw-prose-body");
  });

  it("replaces a prebuilt Tailwind stylesheet from a CDN instead of treating it as a package", async () => {
    const page = `<link href="https://cdn.jsdelivr.net/npm/tailwindcss@2.2.19/dist/tailwind.min.css" rel="stylesheet"><h1 class="text-5xl">Hi</h1>`;
    const payload = await buildPreviewPayload("html", page);
    expect(payload && "missing" in payload).toBe(false);
    expect(codeOf(payload)).not.toContain("jsdelivr");
    expect(codeOf(payload)).toContain(".text-5xl");
  });

  it("compiles <style type=text/tailwindcss> with @apply and @theme", async () => {
    const page = `<html><head><script src="https://cdn.jsdelivr.net/npm/@tailwindcss/browser@4"></script>
      <style type="text/tailwindcss">@theme { --color-mint: #3eb489; } .btn { @apply px-4 py-2 rounded-lg bg-mint text-white; }</style>
      </head><body><button class="btn">Go</button></body></html>`;
    const html = codeOf(await buildPreviewPayload("html", page));
    expect(html).not.toContain("text/tailwindcss");
    expect(html).not.toContain("@tailwindcss/browser");
    expect(html).toMatch(/\.btn \{[^}]*background-color: var\(--color-mint\)/);
    expect(html).toContain("--color-mint: #3eb489");
  });

  it("ignores tags that are only mentioned in an HTML comment", async () => {
    const page = `<!-- uses <style type="text/tailwindcss"> and <script src="https://cdn.tailwindcss.com"></script> -->
      <script src="https://cdn.tailwindcss.com"></script><style type="text/tailwindcss">.b { @apply font-bold; }</style>
      <h1 class="text-red-600 b">Title</h1>`;
    const html = codeOf(await buildPreviewPayload("html", page));
    expect(html).toContain('<h1 class="text-red-600 b">Title</h1>');
    expect(
      html.startsWith(
        '<!-- uses <style type="text/tailwindcss"> and <script src="https://cdn.tailwindcss.com"></script> -->',
      ),
    ).toBe(true);
    expect(html).toMatch(/\.b \{[^}]*font-weight: var\(--font-weight-bold\)/);
  });

  it("leaves pages that do not use Tailwind exactly as written", async () => {
    const page = '<html><body><h1 class="bg-blue-500">no tailwind here</h1></body></html>';
    expect(codeOf(await buildPreviewPayload("html", page))).toBe(page);
  });

  it("never lets page CSS read files or load code on the server, and still styles the page", async () => {
    const page = `<script src="https://cdn.tailwindcss.com"></script>
      <style type="text/tailwindcss">@import "/etc/passwd"; @plugin "node:fs"; .x { @apply bg-red-500; }</style>
      <p class="text-center">ok</p>`;
    const html = codeOf(await buildPreviewPayload("html", page));
    expect(html).not.toContain("root:");
    expect(html).toContain("Tailwind could not compile");
    expect(html).toContain(".text-center");
    await expect(
      compileTailwind({ sources: [], css: '@import "../../package.json";' }),
    ).rejects.toThrow(/not available/);
    await expect(
      compileTailwind({ sources: [], css: '@config "./tailwind.config.js";' }),
    ).rejects.toThrow(/not available/);
  });
});

describe("reading tailwind.config without running it", () => {
  it("keeps data, drops code", () => {
    const config = readPlayCdnConfig(`<script>tailwind.config = {
      theme: { extend: { colors: { primary: "#123", accent: \`#456\`, bad: getColor(), tpl: \`\${x}\` },
      spacing: { '128': '32rem' } } }, darkMode: ["class"], __proto__: { polluted: true },
      ...spread, method() { return 1 }, plugins: [require("x"), 'ok'] }</script>`);
    expect(config).toEqual({
      theme: {
        extend: { colors: { primary: "#123", accent: "#456" }, spacing: { "128": "32rem" } },
      },
      darkMode: ["class"],
      plugins: ["ok"],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the UI kit's classes and theme", () => {
  const root = mkdtempSync(path.join(tmpdir(), "vitrine-kit-"));
  const cwd = process.cwd();
  beforeAll(() => {
    symlinkSync(path.join(cwd, "node_modules"), path.join(root, "node_modules"));
    mkdirSync(path.join(root, "lib", "preview", "ui-kit", "components"), { recursive: true });
    const kit = path.join(root, "lib", "preview", "ui-kit");
    writeFileSync(
      path.join(kit, "theme.css"),
      "@theme inline { --color-card: var(--card); }\n:root { --card: #fafafa; }",
    );
    writeFileSync(
      path.join(kit, "components", "card.tsx"),
      'import { Button } from "./button";\nexport const Card = () => <div className="rounded-xl bg-card shadow-sm" />;',
    );
    writeFileSync(
      path.join(kit, "components", "button.tsx"),
      'export const Button = () => <button className="inline-flex h-9 px-4" />;',
    );
    writeFileSync(
      path.join(kit, "components", "dialog.tsx"),
      'export const Dialog = () => <div className="fixed inset-0 bg-black/80" />;',
    );
    process.chdir(root);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  it("includes the imported kit components (and what they import) and the kit theme", async () => {
    const code = 'import { Card } from "@/components/ui/card";\nexport default () => <Card />;';
    const { css } = await styleForPreview("react", code, code);
    expect(css).toContain(".rounded-xl");
    expect(css).toMatch(/\.bg-card \{\s*background-color: var\(--card\)/);
    expect(css).toContain(".h-9"); // button.tsx, imported by card.tsx
    expect(css).not.toContain(".inset-0"); // dialog.tsx is not imported
    expect(css).toContain("--card: #fafafa");
  });
});
