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
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
