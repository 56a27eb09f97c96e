import { z } from "zod";

// Keyset cursors: the sort key and the id of the last row shown, opaque to the client.
// Timestamps travel as Postgres text with microseconds, since a JS Date would drop them and
// skip or repeat rows that share a millisecond.
const cursorSchema = z.tuple([z.string().max(64), z.uuid()]);

export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** A malformed cursor is treated as "first page" rather than an error. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** What a cursor's key must cast to in SQL. */
export type CursorKeyKind = "timestamptz" | "int4" | "float8";

const TIMESTAMP_KEY = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{6}Z$/;
const INT4_MAX = 2147483647;

/**
 * Whether `key` casts to `kind` in PostgreSQL. A key that matches the shape but cannot be cast
 * (month 13, 9999999999 for an int4, 1e999 for a float8) would otherwise reach the database and
 * turn a crafted URL into a 500; callers treat it as "first page".
 */
export function cursorKeyFits(kind: CursorKeyKind, key: string): boolean {
  if (kind === "int4") return /^\d{1,10}$/.test(key) && Number(key) <= INT4_MAX;
  if (kind === "float8") {
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(key)) return false;
    const n = Number(key);
    // 1e999 is Infinity; 1e-400 underflows to 0 in JS but is "out of range" in PostgreSQL.
    return Number.isFinite(n) && (n !== 0 || /^-?0+(\.0+)?(e[+-]?\d+)?$/.test(key));
  }
  const m = TIMESTAMP_KEY.exec(key);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; set the year explicitly before comparing.
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** decodeCursor plus the key's type: a key that would not cast is "first page", never an error. */
export function decodeTypedCursor(
  value: string | null | undefined,
  kind: CursorKeyKind,
): Cursor | null {
  const cursor = decodeCursor(value);
  return cursor && cursorKeyFits(kind, cursor.key) ? cursor : null;
}
