/** "1 line", "3 lines", "1,024 lines": a count with the noun agreeing with it. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
