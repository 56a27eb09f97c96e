// @vitest-environment happy-dom
// The kit as the frame loads it: the browser modules bundleUiKit() builds, imported from disk.
// A DropdownMenu inside a Dialog (a common artifact pattern) must share Radix's focus-scope and
// layer stacks with the Dialog, or the Dialog pulls focus back and the menu closes at once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { act, createElement as h } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleUiKit, type UiKitBundle } from "./bundle";
import { UI_KIT_MODULE_NAMES } from "./modules";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let bundle: UiKitBundle;
let dir: string;

beforeAll(async () => {
  bundle = await bundleUiKit();
  // Inside node_modules so the outputs' bare `react` imports resolve as the import map would.
  const cache = path.join(process.cwd(), "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(path.join(cache, "vitrine-ui-kit-"));
  for (const [file, code] of bundle.files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (specifier: string) =>
  import(/* @vite-ignore */ pathToFileURL(path.join(dir, bundle.entries[specifier]!)).href);

describe("bundleUiKit", () => {
  it("has one entry per module plus @/lib/utils, and leaves only React outside", () => {
    expect(Object.keys(bundle.entries).sort()).toEqual(
      ["@/lib/utils", ...UI_KIT_MODULE_NAMES.map((n) => `@/components/ui/${n}`)].sort(),
    );
    for (const [file, code] of bundle.files) {
      const bare = [
        ...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?"([^".][^"]*)"/g),
      ].map((m) => m[1]!);
      for (const spec of bare) expect(bundle.external, `${file} imports ${spec}`).toContain(spec);
    }
  });

  it("shares code: a Button does not carry the code of Radix's Dialog", () => {
    const size = (entry: string) => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const m of bundle.files.get(file)!.matchAll(/"\.\.?\/(?:chunks\/)?([\w-]+\.js)"/g)) {
          visit(`chunks/${m[1]}`);
        }
      };
      visit(bundle.entries[entry]!);
      return [...seen].reduce((sum, f) => sum + bundle.files.get(f)!.length, 0);
    };
    expect(size("@/components/ui/button")).toBeLessThan(60_000);
    expect(size("@/components/ui/dialog")).toBeGreaterThan(size("@/components/ui/button"));
  });

  it("a DropdownMenu inside a Dialog opens and keeps focus (one Radix copy)", async () => {
    const { Dialog, DialogContent, DialogTitle, DialogTrigger } =
      await load("@/components/ui/dialog");
    const { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } = await load(
      "@/components/ui/dropdown-menu",
    );
    const { cn } = await load("@/lib/utils");
    expect(cn("p-2", "p-4")).toBe("p-4");

    const container = document.createElement("div");
    document.body.appendChild(container);
    const root: Root = createRoot(container);
    await act(async () =>
      root.render(
        h(Dialog, null, [
          h(DialogTrigger, { key: "t" }, "Open"),
          h(DialogContent, { key: "c" }, [
            h(DialogTitle, { key: "ti" }, "Share"),
            h(DropdownMenu, { key: "m" }, [
              h(DropdownMenuTrigger, { key: "mt" }, "Permissions"),
              h(DropdownMenuContent, { key: "mc" }, [
                h(DropdownMenuItem, { key: "a" }, "Can view"),
                h(DropdownMenuItem, { key: "b" }, "Can edit"),
              ]),
            ]),
          ]),
        ]),
      ),
    );
    const press = async (el: Element) =>
      act(async () => {
        el.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, button: 0 }));
        el.dispatchEvent(new MouseEvent("click", { bubbles: true, button: 0 }));
        await new Promise((r) => setTimeout(r, 20)); // Radix focuses and listens after a tick
      });
    await press(document.querySelector('[data-slot="dialog-trigger"]')!);
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    await press(document.querySelector('[data-slot="dropdown-menu-trigger"]')!);
    const menu = document.querySelector('[role="menu"]');
    expect(menu).not.toBeNull();
    expect(menu!.contains(document.activeElement)).toBe(true);
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    await act(async () => root.unmount());
  });
});
