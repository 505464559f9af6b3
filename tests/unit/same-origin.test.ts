import { describe, expect, it } from "vitest";
import { isSameOriginWrite, originOf, prefersJson } from "~/lib/same-origin";

const site = "https://nonpaper.example.org";
const write = (origin: string | null, secFetchSite: string | null = null, method = "POST", siteOrigin = site) =>
  isSameOriginWrite({ method, origin, secFetchSite, siteOrigin });

describe("isSameOriginWrite", () => {
  it("lets every read through, whatever its origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(write("https://evil.example", "cross-site", method)).toBe(true);
    }
  });

  it("accepts a write whose Origin is the site's (forms, fetch, same-origin sendBeacon)", () => {
    expect(write(site, "same-origin")).toBe(true);
    expect(write(site)).toBe(true);
    expect(write("HTTPS://NONPAPER.example.org")).toBe(true);
    expect(write("https://nonpaper.example.org:443")).toBe(true);
  });

  it("refuses a write from another origin, for every writing method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
      expect(write("https://evil.example", "cross-site", method)).toBe(false);
    }
    // Same site, other origin: a sibling subdomain, another port, or plain http.
    expect(write("https://other.example.org", "same-site")).toBe(false);
    expect(write("https://nonpaper.example.org:8443")).toBe(false);
    expect(write("http://nonpaper.example.org")).toBe(false);
  });

  it("refuses Origin: null and origins that are not http(s)", () => {
    expect(write("null")).toBe(false);
    expect(write("file://")).toBe(false);
    expect(write("not a url")).toBe(false);
  });

  it("without Origin, trusts Sec-Fetch-Site when present and lets old clients through", () => {
    expect(write(null)).toBe(true);
    expect(write(null, "same-origin")).toBe(true);
    expect(write(null, "none")).toBe(true);
    expect(write(null, "same-site")).toBe(false);
    expect(write(null, "cross-site")).toBe(false);
  });

  it("compares with the request's own origin when PUBLIC_URL is not set", () => {
    expect(write("http://127.0.0.1:3210", null, "POST", "http://127.0.0.1:3210")).toBe(true);
    expect(write("http://localhost:3210", null, "POST", "http://127.0.0.1:3210")).toBe(false);
  });

  it("refuses every write when the site's origin cannot be known", () => {
    expect(write(site, null, "POST", "https://")).toBe(false);
  });
});

describe("originOf", () => {
  it("keeps scheme, host and port only", () => {
    expect(originOf("https://nonpaper.example.org/base/path?q=1")).toBe("https://nonpaper.example.org");
    expect(originOf("http://127.0.0.1:3210")).toBe("http://127.0.0.1:3210");
    expect(originOf("ftp://example.org")).toBeNull();
  });
});

describe("prefersJson", () => {
  it("answers JSON to the autosave and presence calls, HTML to browsers' own posts", () => {
    expect(prefersJson("application/json", "multipart/form-data; boundary=x")).toBe(true);
    expect(prefersJson(null, "application/json")).toBe(true);
    expect(prefersJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/x-www-form-urlencoded")).toBe(false);
    expect(prefersJson("*/*", "multipart/form-data; boundary=x")).toBe(false);
    expect(prefersJson(null, null)).toBe(false);
  });
});
