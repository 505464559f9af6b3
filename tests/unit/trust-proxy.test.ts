import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvForTests, trustProxy } from "~/utils/env.server";

/** Express as app/server.ts sets it up (trust proxy from TRUST_PROXY), answering with req.ip. */
async function addressSeen(setting: string | undefined, forwardedFor: string | null): Promise<string> {
  if (setting === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = setting;
  resetEnvForTests();
  const app = express();
  app.set("trust proxy", env().TRUST_PROXY);
  app.get("/", (req, res) => {
    res.send(req.ip);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const headers: Record<string, string> = forwardedFor === null ? {} : { "X-Forwarded-For": forwardedFor };
    return await (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
  } finally {
    server.close();
  }
}

const saved = process.env.TRUST_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
  resetEnvForTests();
});

describe("TRUST_PROXY (issue 12)", () => {
  it("with one proxy, takes the address that proxy saw and ignores what the client wrote before it", async () => {
    // The client forged 6.6.6.6; the proxy appended the address it really saw.
    expect(await addressSeen("1", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(await addressSeen("true", "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("with two proxies, goes two hops back, no further", async () => {
    expect(await addressSeen("2", "6.6.6.6, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
  });

  it("with named proxies, skips only those", async () => {
    expect(await addressSeen("loopback,10.0.0.0/8", "6.6.6.6, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
    expect(await addressSeen("10.0.0.0/8", "6.6.6.6, 203.0.113.9")).toBe("127.0.0.1");
  });

  it("without it, believes no header at all", async () => {
    expect(await addressSeen(undefined, "6.6.6.6")).toBe("127.0.0.1");
    expect(await addressSeen("0", "6.6.6.6")).toBe("127.0.0.1");
  });

  it("refuses a setting it cannot read, at start-up", () => {
    expect(trustProxy("1")).toBe(1);
    expect(trustProxy(" 10.0.0.5, fd00::/8 ,uniquelocal")).toEqual(["10.0.0.5", "fd00::/8", "uniquelocal"]);
    for (const bad of ["yes", "10.0.0.0/33", "proxy.example.org", "1,2", "11", "10.0.0.1/8/1", ""]) {
      if (bad === "") expect(trustProxy(bad)).toBe(false);
      else expect(trustProxy(bad), bad).toBeInstanceOf(Error);
    }
    process.env.TRUST_PROXY = "everything";
    resetEnvForTests();
    expect(() => env()).toThrow(/TRUST_PROXY/);
  });
});
