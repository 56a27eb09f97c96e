// `npm run bench:worker`: 100 thumbnail renders in one worker process, 20 of them pages that loop
// forever, with the production limits (THUMBNAIL_STALL_MS etc.). Prints, every 10 renders and at the
// end, how many Chromium process trees this process has alive and their resident memory, plus the
// worker's own. The claim under test: at most one browser, memory bounded (PERFORMANCE.md).
import { chromiumExecutable, closeBrowser } from "@/lib/thumbnails/chromium";
import { thumbnailBrowserTrees } from "@/lib/thumbnails/processes";
import { RenderCutOff, renderLimits, renderScreenshot } from "@/lib/thumbnails/render";

const TOTAL = 100;
const LOOPING = new Set(Array.from({ length: 20 }, (_, i) => i * 5 + 2)); // every 5th, spread out

function source(i: number) {
  if (LOOPING.has(i))
    return {
      language: "html",
      code: `<h1>loop ${i}</h1><script>setTimeout(() => { for (;;) {} }, 50)</script>`,
    };
  if (i % 2) {
    return {
      language: "tsx",
      code: `import { useState } from "react";\nexport default function App() { const [n, setN] = useState(${i}); return <main style={{ padding: 32 }}><h1>Counter {n}</h1><button onClick={() => setN(n + 1)}>+1</button></main>; }`,
    };
  }
  return {
    language: "html",
    code: `<main style="font:24px system-ui;padding:32px"><h1>Card ${i}</h1><p>${"lorem ipsum ".repeat(40)}</p></main>`,
  };
}

function row(label: string) {
  const trees = thumbnailBrowserTrees();
  const chromiumMb = trees.reduce((sum, t) => sum + t.rssKb, 0) / 1024;
  const processes = trees.reduce((sum, t) => sum + t.pids.length, 0);
  const nodeMb = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label.padEnd(14)} browsers=${trees.length} chromium_processes=${processes} chromium_rss_mb=${chromiumMb.toFixed(0)} worker_node_rss_mb=${nodeMb.toFixed(0)}`,
  );
}

async function main() {
  if (!(await chromiumExecutable())) throw new Error("No Chromium installed (set CHROMIUM_PATH).");
  const limits = renderLimits();
  console.log(
    `limits: stall ${limits.stallMs} ms, hard ${limits.hardLimitMs} ms; ${TOTAL} renders, ${LOOPING.size} endless loops`,
  );
  const counts = { saved: 0, cutOff: 0, failed: 0 };
  const started = Date.now();
  for (let i = 0; i < TOTAL; i++) {
    try {
      const png = await renderScreenshot(source(i), limits);
      if (png) counts.saved++;
    } catch (err) {
      if (err instanceof RenderCutOff) counts.cutOff++;
      else {
        counts.failed++;
        console.log(`render ${i} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if ((i + 1) % 10 === 0) row(`after ${i + 1}`);
  }
  console.log(
    `renders: ${counts.saved} saved, ${counts.cutOff} cut off, ${counts.failed} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  row("final");
  await closeBrowser();
  row("after close");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
