// HTTP as a browser sends it, measured: keep-alive, `Accept-Encoding: gzip`, cookies, same-origin
// posts. For each answer: time to first byte (headers), total time, bytes on the wire and
// decompressed, and the server's SQL statement count and time from its Server-Timing header.
// A page is measured as the median of several requests after a warm-up; a non-200, a page cut
// short (no closing </html>, or Remix's data stream after it never closed) or damaged text is an error.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import { generateTOTP } from "@epic-web/totp";
import { utf8Problem } from "../fixtures/six-scripts";

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  ttfbMs: number;
  totalMs: number;
  wireBytes: number;
  body: Buffer;
  sql: number | null;
  serverMs: number | null;
  problem: string | null;
};

type Init = { method?: string; headers?: Record<string, string>; body?: Buffer | string };

export function send(url: string, init: Init = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = http.request(url, { agent, method: init.method ?? "GET", headers: { "accept-encoding": "gzip", ...init.headers } }, (response) => {
      const ttfbMs = performance.now() - start;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const totalMs = performance.now() - start;
        const wire = Buffer.concat(chunks);
        let body = wire;
        let problem: string | null = null;
        if (response.headers["content-encoding"] === "gzip") {
          try {
            body = gunzipSync(wire);
          } catch (error) {
            problem = `gzip stream cut short (${(error as Error).message})`;
          }
        }
        const timing = String(response.headers["server-timing"] ?? "");
        const sql = /db;desc="sql";dur=([\d.]+)/.exec(timing)?.[1];
        const app = /app;dur=([\d.]+)/.exec(timing)?.[1];
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          ttfbMs,
          totalMs,
          wireBytes: wire.length,
          body,
          sql: sql ? Number(sql) : null,
          serverMs: app ? Number(app) : null,
          problem,
        });
      });
    });
    request.setTimeout(300_000, () => request.destroy(new Error(`no answer in 300 s: ${url}`)));
    request.on("error", reject);
    request.end(init.body);
  });
}

/** multipart/form-data, as a browser's FormData is sent. */
export function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----nonpaperbench${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One person's browser: a cookie jar on one server. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(public base: string) {}

  private keep(answer: Answer) {
    for (const line of answer.headers["set-cookie"] ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
    return answer;
  }

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.keep(await send(`${this.base}${path}`, { headers: { cookie: this.cookieHeader(), accept: "text/html", ...headers } }));
  }

  async post(path: string, form: URLSearchParams | { body: Buffer; contentType: string }, headers: Record<string, string> = {}) {
    const encoded = form instanceof URLSearchParams ? { body: Buffer.from(form.toString()), contentType: "application/x-www-form-urlencoded" } : form;
    return this.keep(
      await send(`${this.base}${path}`, {
        method: "POST",
        body: encoded.body,
        headers: { cookie: this.cookieHeader(), origin: this.base, "content-type": encoded.contentType, accept: "text/html", ...headers },
      }),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Signs in through the forms, as a person does: the password, then (when asked) the
 * authenticator's code from the published demo secret. A step is accepted once per account: a
 * refused code waits for the next step.
 */
export async function signIn(client: Client, email: string, password: string, totpSecret?: string): Promise<void> {
  const login = await client.post("/login", new URLSearchParams({ email, password, redirectTo: "" }));
  if (login.status !== 302) throw new Error(`sign-in of ${email}: ${login.status}`);
  if (!String(login.headers.location).includes("/login/two-factor")) return;
  if (!totpSecret) throw new Error(`sign-in of ${email} asks for a code`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { otp } = await generateTOTP({ secret: totpSecret, algorithm: "SHA-1", digits: 6, period: 30 });
    const answer = await client.post("/login/two-factor", new URLSearchParams({ intent: "totp", code: otp }));
    if (answer.status === 302) return;
    await sleep(30_000 - (Date.now() % 30_000) + 250);
  }
  throw new Error(`sign-in of ${email}: the two-factor code was refused three times`);
}

export type PageFigure = {
  name: string;
  path: string;
  status: number;
  ttfbMs: number;
  totalMs: number;
  wireBytes: number;
  bytes: number;
  /** The fewest statements seen over the runs (a session's once-a-minute touch adds one). */
  sql: number | null;
  serverMs: number | null;
  errors: string[];
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** What is wrong with an answer for a page, or null. */
export function pageProblem(answer: Answer, expected = 200): string | null {
  if (answer.status !== expected) return `HTTP ${answer.status}`;
  if (answer.problem) return answer.problem;
  if (String(answer.headers["content-type"]).startsWith("text/html")) {
    const damaged = utf8Problem(answer.body);
    if (damaged) return damaged;
    if (!answer.body.includes("</html>")) return "truncated: no closing </html>";
    // Remix streams the loader data after </html>; a page cut short never closes that stream.
    if (answer.body.includes("streamController.error(")) return "loader data cut short (streamController.error)";
    if (answer.body.includes("__remixContext.streamController") && !answer.body.includes("streamController.close()"))
      return "truncated: the loader data stream never closed";
  }
  // Word and Excel files are ZIP archives: a download that is not one is an error page or cut short.
  if (String(answer.headers["content-type"]).includes("openxmlformats") && answer.body.subarray(0, 4).toString("latin1") !== "PK\x03\x04")
    return "not an Office (ZIP) file";
  return null;
}

/** One page (or download: `headers` as a browser sends them for it): a warm-up, then the median of `runs` requests. */
export async function measurePage(client: Client, name: string, path: string, runs: number, headers: Record<string, string> = {}): Promise<PageFigure> {
  const errors: string[] = [];
  const answers: Answer[] = [];
  for (let i = 0; i <= runs; i++) {
    const answer = await client.get(path, headers);
    const problem = pageProblem(answer);
    if (problem) errors.push(`${name} (${path}): ${problem}`);
    if (i > 0) answers.push(answer);
  }
  const sqls = answers.map((a) => a.sql).filter((n): n is number => n !== null);
  return {
    name,
    path,
    status: answers.find((a) => a.status !== 200)?.status ?? 200,
    ttfbMs: median(answers.map((a) => a.ttfbMs)),
    totalMs: median(answers.map((a) => a.totalMs)),
    wireBytes: median(answers.map((a) => a.wireBytes)),
    bytes: median(answers.map((a) => a.body.length)),
    sql: sqls.length ? Math.min(...sqls) : null,
    serverMs: answers.some((a) => a.serverMs !== null) ? median(answers.map((a) => a.serverMs ?? NaN)) : null,
    errors: [...new Set(errors)],
  };
}
