// The one function every link in an email goes through, and what the server says at start-up
// when PUBLIC_URL is missing.
import { afterEach, describe, expect, it } from "vitest";
import { warmUp } from "~/entry.server";
import { assertPublicUrlForServer, publicBaseUrl, publicUrlWarning, resetEnvForTests } from "~/utils/env.server";

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, NODE_ENV: process.env.NODE_ENV, DATABASE_URL: process.env.DATABASE_URL };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvForTests();
});

const forged = new Request("http://evil.example/consultations/x/submission/review", { headers: { Host: "evil.example" } });

describe("publicBaseUrl", () => {
  it("is PUBLIC_URL when it is set, whatever Host the request names", () => {
    process.env.PUBLIC_URL = "https://nonpaper.example.org/";
    resetEnvForTests();
    expect(publicBaseUrl(forged)).toBe("https://nonpaper.example.org");
  });

  it("is the request's origin without PUBLIC_URL (development and tests)", () => {
    delete process.env.PUBLIC_URL;
    resetEnvForTests();
    expect(publicBaseUrl(new Request("http://localhost:3000/x"))).toBe("http://localhost:3000");
  });
});

describe("PUBLIC_URL at start-up", () => {
  it("production without PUBLIC_URL prints a warning; with it, or in development, nothing", () => {
    expect(publicUrlWarning({ NODE_ENV: "production" })).toMatch(/WARNING: PUBLIC_URL is not set/);
    expect(publicUrlWarning({ NODE_ENV: "production", PUBLIC_URL: "" })).toMatch(/PUBLIC_URL is not set/);
    expect(publicUrlWarning({ NODE_ENV: "production", PUBLIC_URL: "https://nonpaper.example.org" })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: "development" })).toBeNull();
    expect(publicUrlWarning({ NODE_ENV: "test" })).toBeNull();
  });

  it("a production server against a server database refuses to start without it; the embedded demo does not", () => {
    const db = "postgres://nonpaper@db.internal/nonpaper";
    expect(() => assertPublicUrlForServer({ NODE_ENV: "production", DATABASE_URL: db })).toThrow(/PUBLIC_URL must be set/);
    expect(() => assertPublicUrlForServer({ NODE_ENV: "production", DATABASE_URL: db, PUBLIC_URL: "https://nonpaper.example.org" })).not.toThrow();
    // `npm start` on the embedded database (DATABASE_URL unset or empty): the warning only.
    expect(() => assertPublicUrlForServer({ NODE_ENV: "production" })).not.toThrow();
    expect(() => assertPublicUrlForServer({ NODE_ENV: "production", DATABASE_URL: "" })).not.toThrow();
    expect(() => assertPublicUrlForServer({ NODE_ENV: "development", DATABASE_URL: db })).not.toThrow();
  });

  it("the server's warm-up applies the rule before it opens the database", async () => {
    process.env.NODE_ENV = "production";
    process.env.DATABASE_URL = "postgres://nonpaper@db.invalid/nonpaper";
    delete process.env.PUBLIC_URL;
    await expect(warmUp()).rejects.toThrow(/PUBLIC_URL must be set/);
  });
});
