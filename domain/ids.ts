import { z } from "zod";

const uuid = z.uuid();

/** Route params are user input: anything that is not a uuid is simply "not found". */
export function parseId(value: unknown): string | null {
  const result = uuid.safeParse(value);
  return result.success ? result.data.toLowerCase() : null;
}
