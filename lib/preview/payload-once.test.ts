import { describe, expect, it } from "vitest";
import { clearDerivedMemory, derivedStats } from "@/lib/derived/once";
import { buildPreviewPayload } from "./payload";
import { previewPayloadOnce } from "./payload-once";

describe("a version's preview payload, computed once", () => {
  it("transpiles a React artifact once, then every view (any process) reuses the stored payload", async () => {
    const code = `import { useState } from "react";\nexport default function App() {\n  const [n, setN] = useState(${Date.now()});\n  return <button className="p-2" onClick={() => setN(n + 1)}>{n}</button>;\n}\n`;
    const before = { ...derivedStats };
    const first = await previewPayloadOnce("tsx", code);
    expect(first).toEqual(await buildPreviewPayload("tsx", code));
    expect(first?.kind).toBe("react");
    expect(derivedStats.computed).toBe(before.computed + 1);

    clearDerivedMemory(); // as another web process would start
    expect(await previewPayloadOnce("tsx", code)).toEqual(first);
    expect(await previewPayloadOnce("tsx", code)).toEqual(first);
    expect(derivedStats.computed).toBe(before.computed + 1);
    expect(derivedStats.database).toBe(before.database + 1);
    expect(derivedStats.memory).toBe(before.memory + 1);

    // Languages without a preview are remembered as such, too.
    expect(await previewPayloadOnce("python", "print(1)\n")).toBeNull();
  });
});
