import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseId } from "./ids";

describe("parseId", () => {
  it("accepts exactly what z.uuid() accepts, lower-cased", () => {
    const zodUuid = z.uuid();
    for (const value of [
      "fc9d6fa2-5c30-4a39-85c4-83394b797f8c",
      "FC9D6FA2-5C30-4A39-85C4-83394B797F8C",
      "fc9d6fa2-5c30-7a39-b5c4-83394b797f8c",
      "fc9d6fa2-5c30-9a39-85c4-83394b797f8c", // version 9 does not exist
      "fc9d6fa2-5c30-4a39-c5c4-83394b797f8c", // not the RFC variant
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "fc9d6fa25c304a3985c483394b797f8c",
      " fc9d6fa2-5c30-4a39-85c4-83394b797f8c",
      "fc9d6fa2-5c30-4a39-85c4-83394b797f8c\n",
      "fc9d6fa2-5c30-4a39-85c4-83394b797f8",
      "../../etc/passwd",
      "",
      42,
      null,
      undefined,
      ["fc9d6fa2-5c30-4a39-85c4-83394b797f8c"],
    ]) {
      const parsed = zodUuid.safeParse(value);
      expect(parseId(value), JSON.stringify(value)).toBe(
        parsed.success ? parsed.data.toLowerCase() : null,
      );
    }
  });
});
