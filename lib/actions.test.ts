import { describe, expect, it } from "vitest";
import { formDataToObject } from "./actions";

describe("formDataToObject", () => {
  it("drops Next's $ACTION fields, keeps repeated keys, and cannot pollute prototypes", () => {
    const fd = new FormData();
    fd.append("$ACTION_ID_abc", "");
    fd.append("title", "Hello");
    fd.append("tag", "a");
    fd.append("tag", "b");
    fd.append("__proto__", "polluted");
    const obj = formDataToObject(fd);
    expect(obj.title).toBe("Hello");
    expect(obj.tag).toEqual(["a", "b"]);
    expect(Object.keys(obj)).not.toContain("$ACTION_ID_abc");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
  });
});
