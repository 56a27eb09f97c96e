import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  UI_KIT_MODULE_NAMES,
  UI_KIT_MODULES,
  isUiKitSpecifier,
  uiKitImportProblem,
  uiKitModuleFromSpecifier,
} from "./modules";

const componentsDir = path.join(import.meta.dirname, "components");
const files = readdirSync(componentsDir).filter((f) => f.endsWith(".tsx"));

// What a kit file may import: the frame's React (external via the import map) and the npm packages
// bundled into each module, plus ../utils. Nothing through the `@/` alias, nothing from the app.
const ALLOWED_IMPORTS = new Set([
  "react",
  "react-dom",
  "radix-ui",
  "class-variance-authority",
  "clsx",
  "tailwind-merge",
  "lucide-react",
  "../utils",
]);

function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
}

describe("ui-kit module list", () => {
  it("names exactly the files in components/", () => {
    expect(files.map((f) => f.replace(/\.tsx$/, "")).sort()).toEqual(
      [...UI_KIT_MODULE_NAMES].sort(),
    );
  });

  it("covers the components the brief requires", () => {
    const required =
      "accordion alert alert-dialog aspect-ratio avatar badge button card checkbox collapsible dialog dropdown-menu hover-card input label popover progress radio-group scroll-area select separator sheet skeleton slider switch table tabs textarea toggle toggle-group tooltip";
    for (const name of required.split(" ")) expect(UI_KIT_MODULE_NAMES).toContain(name);
  });

  it.each(UI_KIT_MODULE_NAMES)("%s exports exactly the listed names", async (name) => {
    const mod = (await import(`./components/${name}.tsx`)) as Record<string, unknown>;
    expect(Object.keys(mod).sort()).toEqual([...UI_KIT_MODULES[name]].sort());
    for (const exported of UI_KIT_MODULES[name]) {
      expect(["function", "object"]).toContain(typeof mod[exported]);
    }
  });

  it.each(files)(
    "%s imports only react, its npm packages and ../utils, with no directive",
    (file) => {
      const source = readFileSync(path.join(componentsDir, file), "utf8");
      const imports = importsOf(source);
      expect(imports.length).toBeGreaterThan(0);
      for (const spec of imports) {
        // radix-ui by component ("radix-ui/dialog"), so esbuild splits Radix per component.
        const pkg = spec.startsWith("radix-ui/") ? "radix-ui" : spec;
        expect(ALLOWED_IMPORTS, `${file} imports ${spec}`).toContain(pkg);
      }
      expect(source).not.toMatch(/["']use client["']/);
      expect(source).not.toMatch(/["']@\//);
    },
  );
});

describe("import problems for the publish form", () => {
  it("accepts what the kit provides", () => {
    expect(
      uiKitImportProblem("@/components/ui/card", ["Card", "CardHeader", "CardTitle"]),
    ).toBeNull();
    expect(uiKitImportProblem("@/components/ui/button", ["Button", "buttonVariants"])).toBeNull();
    expect(uiKitImportProblem("@/components/ui/tabs", ["*"])).toBeNull();
    expect(uiKitImportProblem("@/lib/utils", ["cn"])).toBeNull();
    expect(uiKitImportProblem("recharts", ["LineChart"])).toBeNull(); // not ours to judge
  });

  it("names an unknown module and lists the ones there are", () => {
    const problem = uiKitImportProblem("@/components/ui/calendar", ["Calendar"]);
    expect(problem).toContain('"@/components/ui/calendar"');
    expect(problem).toContain("accordion, alert, alert-dialog");
  });

  it("names the missing exports of a known module, and a default import", () => {
    expect(uiKitImportProblem("@/components/ui/card", ["Card", "CardBody"])).toBe(
      '"@/components/ui/card" in the preview does not export "CardBody"; it exports Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader, CardTitle.',
    );
    expect(uiKitImportProblem("@/components/ui/button", ["default"])).toContain('"default"');
    expect(uiKitImportProblem("@/lib/utils", ["cn", "formatDate"])).toContain('"formatDate"');
  });

  it("maps specifiers to module names", () => {
    expect(uiKitModuleFromSpecifier("@/components/ui/toggle-group")).toBe("toggle-group");
    expect(uiKitModuleFromSpecifier("@/components/ui/../ui/card")).toBeNull();
    expect(uiKitModuleFromSpecifier("components/ui/card")).toBeNull();
    expect(isUiKitSpecifier("@/lib/utils")).toBe(true);
    expect(isUiKitSpecifier("@/components/ui/anything")).toBe(true);
    expect(isUiKitSpecifier("react")).toBe(false);
  });
});
