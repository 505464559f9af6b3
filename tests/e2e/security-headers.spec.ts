// Security headers and the cross-site write check (app/utils/security.server.ts, app/lib/same-origin.ts),
// against the production server: the CSP must not break any page or the autosave, every kind of
// response carries the headers, and writes with a forged Origin are refused with a clear 403.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO, loginAs, signIn, TITLE_2020 } from "./support";

const EVIL = "https://evil.example";
// The Russian Federation's delegate: no other journey writes its draft (and this one puts it back).
const DELEGATE = DEMO.russia;

/** Every CSP complaint the page makes: console messages and securitypolicyviolation events. */
function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Inline scripts all carry the nonce (hidden from the attribute once parsed, kept in .nonce). */
async function expectNoncedInlineScripts(page: Page) {
  const scripts = await page.evaluate(() =>
    Array.from(document.querySelectorAll("script:not([src])")).map((s) => ({
      nonce: (s as HTMLScriptElement).nonce,
      script: s.outerHTML.slice(0, 120),
    })),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const { nonce, script } of scripts) expect(nonce, script).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
}

async function openConsultation2020(page: Page): Promise<string> {
  await page.getByRole("link", { name: TITLE_2020 }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE_2020 })).toBeVisible();
  return new URL(page.url()).pathname;
}

function expectCommonHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  // Plain HTTP (and no TRUST_PROXY): never HSTS, even with a forged X-Forwarded-Proto.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

test("pages run under the CSP without a violation, and the autosave still saves", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const problems = watchCsp(page);
  await signIn(page, DELEGATE);
  const consultation = await openConsultation2020(page);
  await expectNoncedInlineScripts(page);

  await page.goto(`${consultation}/submission`);
  await page.waitForLoadState("networkidle");
  await expectNoncedInlineScripts(page);
  const general = page.locator('textarea[name^="general."]').first();
  const before = await general.inputValue();
  const save = async (text: string) => {
    const saved = page.waitForResponse((r) => r.url().endsWith("/submission/draft") && r.request().method() === "POST");
    await general.fill(text);
    expect((await saved).status()).toBe(200);
  };
  await save("Комментарий, сохраненный при действующей политике безопасности содержимого.");
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(general).toHaveValue("Комментарий, сохраненный при действующей политике безопасности содержимого.");

  // A same-origin beacon (sent when the page is left) carries Origin and still passes.
  const beacon = page.waitForResponse((r) => r.url().endsWith("/submission/presence"));
  await page.evaluate((url) => {
    const body = new FormData();
    body.set("intent", "open");
    navigator.sendBeacon(url, body);
  }, `${consultation}/submission/presence`);
  expect((await beacon).status()).toBe(200);
  // The demo draft as it was.
  await save(before);
  expect(problems).toEqual([]);

  // The secretariat's pages, loaded whole and reached by client-side navigation.
  const context = await browser.newContext();
  const officer = await context.newPage();
  const officerProblems = watchCsp(officer);
  await loginAs(officer, "secretariat");
  await openConsultation2020(officer);
  await officer.getByRole("link", { name: "Translation desk" }).first().click();
  await officer.waitForLoadState("networkidle");
  for (const path of ["submissions", "translations", "side-by-side", "matrix", "crp", "non-paper"]) {
    const response = await officer.goto(`${consultation}/${path}`);
    expect(response?.status(), path).toBe(200);
    await officer.waitForLoadState("networkidle");
    await expectNoncedInlineScripts(officer);
  }
  expect(officerProblems).toEqual([]);
  await context.close();
});

test("HTML, .data, static assets and downloads carry the security headers; drafts are never cached", async ({ page }) => {
  await loginAs(page, "secretariat");
  const consultation = await openConsultation2020(page);

  const html = await page.request.get(`${consultation}/submissions`, { headers: { "X-Forwarded-Proto": "https" } });
  expect(html.status()).toBe(200);
  expectCommonHeaders(html, "page");
  const csp = html.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src "))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("object-src 'none'");
  expect(html.headers()["cache-control"]).toBe("no-store");
  // The nonce in the page is the header's, and a new one is drawn per response.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  const pageHtml = await html.text();
  expect(pageHtml).toContain(`nonce="${nonce}"`);
  // Every inline script of the page carries it, including Remix's streamed data.
  expect(pageHtml.match(/<script(?![^>]*\ssrc=)[^>]*>/g)?.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  const again = await page.request.get(`${consultation}/submissions`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  for (const path of ["submissions", "translations", "side-by-side", "crp"]) {
    const data = await page.request.get(`${consultation}/${path}.data`);
    expect(data.status(), path).toBe(200);
    expectCommonHeaders(data, `${path}.data`);
    expect(data.headers()["cache-control"], `${path}.data`).toBe("no-store");
  }

  const src = /\/assets\/[^"]+\.(?:css|js)/.exec(pageHtml)![0];
  const asset = await page.request.get(src);
  expect(asset.status()).toBe(200);
  expectCommonHeaders(asset, "asset");
  expect(asset.headers()["cache-control"]).toContain("immutable");

  // A download sets its own Cache-Control: it replaces the default instead of being doubled.
  const docx = await page.request.get(`${consultation}/non-paper.docx`);
  expect(docx.status()).toBe(200);
  expectCommonHeaders(docx, "download");
  expect(docx.headers()["cache-control"]).toBe("private, no-store");

  // The delegate's editor and its data.
  const delegate = await page.context().browser()!.newContext();
  const delegatePage = await delegate.newPage();
  await signIn(delegatePage, DELEGATE);
  for (const path of [`${consultation}/submission`, `${consultation}/submission.data`]) {
    const response = await delegatePage.request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response, path);
    expect(response.headers()["cache-control"], path).toBe("no-store");
  }
  await delegate.close();
});

test("writes with a forged Origin are refused with a 403 in the reader's language; same-origin writes pass", async ({ page, request, baseURL }) => {
  // Sign-in from another site: the page in French (Accept-Language), then in Arabic (lng cookie).
  const form = { email: DEMO.peru, password: "nonpaper-demo", redirectTo: "" };
  const french = await request.post("/login", { form, headers: { Origin: EVIL, Accept: "text/html", "Accept-Language": "fr-CH,fr;q=0.9" }, maxRedirects: 0 });
  expect(french.status()).toBe(403);
  expect(french.headers()["content-type"]).toContain("text/html");
  expectCommonHeaders(french, "403 page");
  const frenchPage = await french.text();
  expect(frenchPage).toContain('<html lang="fr" dir="ltr">');
  expect(frenchPage).toContain("Demande refusée");
  expect(frenchPage).not.toMatch(/\n\s+at |node_modules|Error:/);
  expect(french.headers()["set-cookie"]).toBeUndefined();

  const arabic = await request.post("/login", { form, headers: { Origin: EVIL, Cookie: "lng=ar" }, maxRedirects: 0 });
  expect(arabic.status()).toBe(403);
  expect(await arabic.text()).toContain('<html lang="ar" dir="rtl">');

  // Without Origin, a browser's Sec-Fetch-Site still tells.
  const sibling = await request.post("/login", { form, headers: { "Sec-Fetch-Site": "same-site" }, maxRedirects: 0 });
  expect(sibling.status()).toBe(403);

  // The same sign-in from the site itself goes through (a redirect home).
  const signedIn = await request.post("/login", { form, headers: { Origin: baseURL!, "Sec-Fetch-Site": "same-origin" }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);

  // A signed-in delegate: the autosave (JSON), the presence call and a page action from another site.
  await signIn(page, DELEGATE);
  const consultation = await openConsultation2020(page);
  const save = new URLSearchParams({ intent: "save", draftVersion: "0", userId: "x" });
  const forgedSave = await page.request.post(`${consultation}/submission/draft`, {
    headers: { Origin: EVIL, Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    data: save.toString(),
  });
  expect(forgedSave.status()).toBe(403);
  expect(await forgedSave.json()).toEqual({ ok: false, reason: "cross_site" });

  const forgedPresence = await page.request.post(`${consultation}/submission/presence`, {
    headers: { Origin: EVIL, Accept: "application/json" },
    form: { intent: "open" },
  });
  expect(forgedPresence.status()).toBe(403);

  // The language switcher, as a document post and as Remix's .data post: the reader's language
  // (whatever other journeys left in the profile) stays as it was.
  const language = await page.locator("html").getAttribute("lang");
  const forgedLanguage = language === "zh" ? "es" : "zh";
  for (const path of ["/language", "/language.data"]) {
    const forged = await page.request.post(path, { headers: { Origin: EVIL }, form: { language: forgedLanguage, redirectTo: "/" }, maxRedirects: 0 });
    expect(forged.status(), path).toBe(403);
  }
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", language!);

  // The same calls from the site itself are not refused.
  const samePresence = await page.request.post(`${consultation}/submission/presence`, {
    headers: { Origin: baseURL!, Accept: "application/json" },
    form: { intent: "open" },
  });
  expect(samePresence.status()).toBe(200);
  const sameSave = await page.request.post(`${consultation}/submission/draft`, {
    headers: { Origin: baseURL!, Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    data: save.toString(),
  });
  // Past the origin check, the route itself answers (this body names no user of the session).
  expect(sameSave.status()).toBe(403);
  expect(await sameSave.json()).toEqual({ ok: false, reason: "other_user" });
});

test("errors never show a stack trace to the client", async ({ request, baseURL }) => {
  const probes = [
    await request.get("/%"),
    await request.get("/consultations/%E0%A4%A/submission.data"),
    // A same-origin sign-in whose body is not the form it claims to be.
    await request.post("/login", {
      headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=nothing" },
      data: "--broken",
      maxRedirects: 0,
    }),
    await request.post("/login.data", {
      headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=nothing" },
      data: "--broken",
    }),
  ];
  for (const response of probes) {
    const body = await response.text();
    expect(body, response.url()).not.toMatch(/\n\s+at [\w.<]|node_modules|\.tsx?:\d+|\.js:\d+:\d+/);
    expectCommonHeaders(response, response.url());
  }
});
