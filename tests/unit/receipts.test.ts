import { describe, expect, it } from "vitest";
import { formatReceiptNumber, isReceiptNumber, parseReceiptNumber } from "~/lib/receipts";

describe("receipt numbers", () => {
  it("reads like the issue's example", () => {
    expect(formatReceiptNumber({ prefix: "CTOC-2020", delegationCode: "PER", sequence: 1 })).toBe("CTOC-2020-PER-0001");
    expect(formatReceiptNumber({ prefix: "CTOC-2020", delegationCode: "EU", sequence: 42 })).toBe("CTOC-2020-EU-0042");
    expect(formatReceiptNumber({ prefix: "WG2", delegationCode: "MAR", sequence: 9999 })).toBe("WG2-MAR-9999");
  });

  it("grows past four digits instead of wrapping", () => {
    expect(formatReceiptNumber({ prefix: "CTOC-2020", delegationCode: "PER", sequence: 10_000 })).toBe("CTOC-2020-PER-10000");
  });

  it("refuses parts that would make an ambiguous or unreadable number", () => {
    expect(() => formatReceiptNumber({ prefix: "ctoc 2020", delegationCode: "PER", sequence: 1 })).toThrow();
    expect(() => formatReceiptNumber({ prefix: "CTOC", delegationCode: "PERU", sequence: 1 })).toThrow();
    expect(() => formatReceiptNumber({ prefix: "CTOC", delegationCode: "PER", sequence: 0 })).toThrow();
    expect(() => formatReceiptNumber({ prefix: "CTOC", delegationCode: "PER", sequence: 1.5 })).toThrow();
  });

  it("parses back what it formats, with prefixes of several parts", () => {
    for (const parts of [
      { prefix: "CTOC-2020", delegationCode: "PER", sequence: 1 },
      { prefix: "CTOC-COP-WG2-2023", delegationCode: "EU", sequence: 123 },
      { prefix: "AB-CD", delegationCode: "FRA", sequence: 12_345 },
      { prefix: "X1", delegationCode: "RUS", sequence: 7 },
    ]) {
      expect(parseReceiptNumber(formatReceiptNumber(parts))).toEqual(parts);
    }
  });

  it("accepts a number as a person types it, and only its one spelling", () => {
    expect(parseReceiptNumber("  ctoc-2020-per-0001 ")).toEqual({ prefix: "CTOC-2020", delegationCode: "PER", sequence: 1 });
    for (const bad of [
      "CTOC-2020-PER-1",
      "CTOC-2020-PER-00001",
      "CTOC-2020-PER-0000",
      "CTOC-2020-0001",
      "PER-0001",
      "CTOC-2020-PER-0001-",
      "CTOC–2020–PER–0001",
      "",
    ]) {
      expect(parseReceiptNumber(bad), bad).toBeNull();
    }
    expect(isReceiptNumber("CTOC-2020-PER-0001")).toBe(true);
    expect(isReceiptNumber("ctoc-2020-per-0001")).toBe(false);
  });
});
