import { describe, expect, it } from "vitest";
import { getDerivedRender } from "@/db/queries/derived-renders";
import { clearDerivedMemory, derivedOnce } from "./once";

describe("renders derived once per content", () => {
  it("computes a key once, then serves it from memory and, in another process, from PostgreSQL", async () => {
    const key = { blobRef: "sha256:once-test", kind: "highlight" as const, variant: "tsx/t1" };
    let computed = 0;
    const compute = async () => {
      computed++;
      return `<pre>${computed}</pre>`;
    };
    // Two requests at once share one computation.
    const [first, second] = await Promise.all([
      derivedOnce(key, compute),
      derivedOnce(key, compute),
    ]);
    expect([first, second, computed]).toEqual(["<pre>1</pre>", "<pre>1</pre>", 1]);
    expect(await getDerivedRender(key)).toBe("<pre>1</pre>");

    // A fresh process has nothing in memory: the row written above answers, nothing is recomputed.
    clearDerivedMemory();
    expect(await derivedOnce(key, compute)).toBe("<pre>1</pre>");
    expect(computed).toBe(1);

    // Another variant of the same content is another render.
    expect(await derivedOnce({ ...key, variant: "tsx/t2" }, compute)).toBe("<pre>2</pre>");
  });
});
