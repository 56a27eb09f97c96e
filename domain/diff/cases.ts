// Inputs from PERFORMANCE.md, generated deterministically: shared by the engine tests and
// `npm run bench:diff` so both measure the same thing.

/** A small seeded PRNG (mulberry32) so every run sees the same "random" file. */
export function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Code-like lines with realistic repetition (braces, blank lines, common statements). */
export function codeLines(n: number, seed = 1): string[] {
  const random = rng(seed);
  const common = ["}", "", "  }", "    return null;", "  return result;", "} else {", "    break;"];
  return Array.from({ length: n }, (_, i) => {
    const r = random();
    if (r < 0.25) return common[Math.floor(random() * common.length)]!;
    return `  const value${i} = compute(${Math.floor(random() * 1000)}, "${i.toString(36)}");`;
  });
}

export type DiffCase = { name: string; a: string[]; b: string[] };

function scattered(a: string[], fraction: number, seed: number): string[] {
  const random = rng(seed);
  const b: string[] = [];
  a.forEach((line, i) => {
    const r = random();
    if (r < fraction / 3) b.push(`${line} // edited ${i}`);
    else if (r < (2 * fraction) / 3) b.push(line, `  log("inserted ${i}");`);
    else if (r >= fraction) b.push(line);
    // else: the line is deleted
  });
  return b;
}

function clustered(a: string[], fraction: number, seed: number): string[] {
  const random = rng(seed);
  const b: string[] = [];
  let i = 0;
  while (i < a.length) {
    if (random() < fraction / 40) {
      const len = 20 + Math.floor(random() * 40);
      for (let k = 0; k < len && i < a.length; k++, i++) b.push(`  rewritten(${i}, ${k});`);
    } else b.push(a[i++]!);
  }
  return b;
}

export function perfCases(lines = 20_000): DiffCase[] {
  const a = codeLines(lines, 7);
  const half = Math.floor(a.length / 2);
  const longLine = Array.from(
    { length: 1_000_000 / 10 },
    (_, i) => `x${(i % 100000).toString().padStart(8, "0")}`,
  ).join("");
  const longLineEdited = `${longLine.slice(0, 500_000)}EDIT${longLine.slice(500_004)}`;
  return [
    { name: "20k lines, ≤1% changed", a, b: scattered(a, 0.01, 11) },
    { name: "20k lines, 30% scattered", a, b: scattered(a, 0.3, 12) },
    { name: "20k lines, 30% clustered", a, b: clustered(a, 0.3, 13) },
    { name: "20k lines, swapped halves", a, b: [...a.slice(half), ...a.slice(0, half)] },
    { name: "20k lines, reversed", a, b: [...a].reverse() },
    { name: "one 1 MB line, small edit", a: [longLine], b: [longLineEdited] },
  ];
}

/** Lines drawn from a handful of short strings: every line repeats, so nothing is unique to discard. */
export function lowEntropyLines(n: number, seed = 1): string[] {
  const random = rng(seed);
  const alphabet = [
    "}",
    "",
    "  }",
    "{",
    "    return;",
    "  i++;",
    "  x = 0;",
    "    break;",
    "} else {",
    "  if (x) {",
  ];
  return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]!);
}

/** Changes a fraction of lines (replace, insert or delete) with lines from the same alphabet. */
function lowEntropyEdit(a: string[], fraction: number, seed: number): string[] {
  const random = rng(seed);
  const b: string[] = [];
  for (const line of a) {
    const r = random();
    const other = lowEntropyLines(1, Math.floor(random() * 1e9))[0]!;
    if (r < fraction / 3) b.push(other);
    else if (r < (2 * fraction) / 3) b.push(line, other);
    else if (r >= fraction) b.push(line);
  }
  return b;
}

/** A case as two texts: line endings and the final newline matter here. */
export type TextCase = { name: string; a: string; b: string };

const text = (lines: string[], eol = "\n", finalNewline = true) =>
  lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");

/** The adversarial inputs of issue 17, on top of PERFORMANCE.md's (`perfCases`). */
export function adversarialCases(): TextCase[] {
  const distinct = Array.from(
    { length: 70_000 },
    (_, i) => `line ${i}: ${(i * 2654435761) % 1000003}`,
  );
  const twoEdits = [...distinct];
  twoEdits[12_345] = "an edited line";
  twoEdits.splice(50_000, 0, "an inserted line");
  const low = lowEntropyLines(20_000, 17);
  const code = codeLines(1_499, 19);
  const reversed = codeLines(27_000, 23);
  return [
    { name: "70k distinct lines, two edits", a: text(distinct), b: text(twoEdits) },
    {
      name: "20k low-entropy lines, 30% changed",
      a: text(low),
      b: text(lowEntropyEdit(low, 0.3, 29)),
    },
    { name: "27k lines, reversed", a: text(reversed), b: text([...reversed].reverse()) },
    { name: "1,499 lines, CRLF to LF", a: text(code, "\r\n"), b: text(code) },
    { name: "1,499 lines, last newline removed", a: text(code), b: text(code, "\n", false) },
  ];
}
