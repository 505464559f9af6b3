// Only paths on this site: every spelling a browser would turn into another site is refused.
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/lib/safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirect("/consultations/abc?tab=2#point-c")).toBe("/consultations/abc?tab=2#point-c");
    expect(safeRedirect("/")).toBe("/");
    expect(safeRedirect("/a/../users")).toBe("/users");
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example"); // a path, read as one
  });

  it.each([
    ["a tab the browser drops", "/\t/evil.example"],
    ["a line feed", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a leading space", " //evil.example"],
    ["a non-breaking space", "/\u00A0/evil.example"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/login"],
    ["an absolute address", "https://evil.example/"],
    ["a scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "evil.example"],
    ["a NUL", "/\u0000//evil.example"],
    ["a zero-width space", "/\u200B/evil.example"],
    ["a right-to-left override", "/\u202Eelpmaxe.live//"],
    ["empty", ""],
  ])("refuses %s", (_name, target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("refuses %09 once decoded (a query parameter arrives decoded)", () => {
    const decoded = new URLSearchParams("redirectTo=%2F%09%2Fevil.example").get("redirectTo");
    expect(safeRedirect(decoded)).toBe("/");
  });

  it("refuses what is not a string, and uses the caller's fallback", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined, "/users")).toBe("/users");
    expect(safeRedirect(new Blob(["/x"]) as unknown, "/users")).toBe("/users");
    expect(safeRedirect(`/${"a".repeat(3_000)}`)).toBe("/");
  });
});
