// How a version is written in URLs and named on screen. One module, so the picker, the list, the
// diff header, fork summaries and page titles all say the same thing.

/** A version index from the URL: 1 to 999,999,999, digits only, no leading zero; anything else → null. */
export function parseVersionIndex(value: string): number | null {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

type NamedVersion = { label?: string | null; versionIndex: number };

/** A version's name: its label when it has a non-blank one, else "v3". */
export function versionName(v: NamedVersion): string {
  return v.label?.trim() ? v.label : `v${v.versionIndex}`;
}

/** The index always, then the label when there is one: "v3 · Dark mode" (headers that list versions). */
export function versionNameWithIndex(v: NamedVersion): string {
  return v.label?.trim() ? `v${v.versionIndex} · ${v.label}` : `v${v.versionIndex}`;
}
