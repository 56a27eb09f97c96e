// The uuid rule of zod's z.uuid() (RFC 9562: versions 1–8, the RFC variant, the nil and max ids),
// written out so that client code that reads ids (the share dialog on every artifact page) does
// not ship zod; ids.test.ts holds it to z.uuid().
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** Route params are user input: anything that is not a uuid is simply "not found". */
export function parseId(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}
