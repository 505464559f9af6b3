// The shared parts of app/components/ui/ as the server renders them (before any script runs):
// their classes, roles and the attributes that tie labels, hints and errors to the controls; and
// the one-time notices' schema (app/lib/notices.ts).
import { createElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { StatusBadge } from "~/components/ui/status-badge";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass, SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { Field, FieldErrors, SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { TableShell } from "~/components/ui/table-shell";
import { createI18n } from "~/i18n/i18next";
import { NoticeSchema } from "~/lib/notices";

/** createElement with the children as arguments, for parts whose props require them. */
const h = (type: unknown, props: Record<string, unknown> | null, ...children: ReactNode[]) => createElement(type as never, props as never, ...children);

/** The element rendered in a data router (what Remix gives the pages), in English. */
async function render(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "page", path: "/*", Component: () => element }]);
  const context = await handler.query(new Request("http://x/page"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: createI18n("en") }, createElement(StaticRouterProvider, { router, context, hydrate: false })),
  );
}

/** The first element's tag, attributes (in any order) and text, for comparing elements. */
function element(html: string) {
  const match = html.match(/^<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)>([^<]*)/)!;
  const attributes = Object.fromEntries([...match[2]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return { tag: match[1], attributes, text: match[3] };
}

describe("Button", () => {
  it("renders a <button> of each kind, type button unless told", async () => {
    expect(await render(createElement(Button, null, "Go"))).toBe('<button type="button" class="button">Go</button>');
    expect(
      element(await render(createElement(Button, { variant: "secondary", size: "small", type: "submit", name: "intent", value: "save" }, "Save"))),
    ).toEqual({
      tag: "button",
      attributes: { type: "submit", class: "button button--secondary button--small", name: "intent", value: "save" },
      text: "Save",
    });
    expect(await render(createElement(Button, { variant: "danger", className: "x" }, "Delete"))).toBe(
      '<button type="button" class="button button--danger x">Delete</button>',
    );
  });

  it("renders a link styled as a button, and gives the classes to what is neither", async () => {
    expect(element(await render(createElement(Button, { to: "/consultations/new", variant: "secondary" }, "New")))).toMatchObject({
      tag: "a",
      attributes: { class: "button button--secondary", href: "/consultations/new" },
      text: "New",
    });
    expect(buttonClass({ variant: "quiet" })).toBe("button button--quiet");
    expect(buttonClass()).toBe("button");
  });
});

describe("SubmitButton", () => {
  it("is a plain submit button at rest, its name and value kept", async () => {
    expect(element(await render(createElement(SubmitButton, { name: "decision", value: "accepted" }, "Accept")))).toEqual({
      tag: "button",
      attributes: { type: "submit", class: "button", name: "decision", value: "accepted" },
      text: "Accept",
    });
  });

  it("is aria-disabled and marked pending while its form is on its way, not disabled (the focus stays)", async () => {
    const html = await render(createElement(SubmitButton, { pending: true, variant: "secondary" }, "Save"));
    expect(element(html)).toEqual({
      tag: "button",
      attributes: { type: "submit", "aria-disabled": "true", "data-pending": "true", class: "button button--secondary" },
      text: "Save",
    });
    // Disabled for another reason (nothing to save) stays disabled.
    expect(await render(createElement(SubmitButton, { disabled: true }, "Save"))).toContain("disabled");
  });
});

describe("Badge and StatusBadge", () => {
  it("takes its colour from a tone; neutral is the plain badge", async () => {
    expect(await render(h(Badge, null, "3"))).toBe('<span class="badge">3</span>');
    expect(await render(h(Badge, { tone: "danger", className: "revision-badge" }, "Declined"))).toBe(
      '<span class="badge badge--danger revision-badge">Declined</span>',
    );
  });

  it("keeps each status's own class beside its tone", async () => {
    expect(await render(createElement(StatusBadge, { status: "open" }))).toBe('<span class="badge badge--success badge--open">Open for comments</span>');
    expect(await render(createElement(StatusBadge, { status: "closed" }))).toContain('class="badge badge--closed"');
  });
});

describe("Notice", () => {
  it("announces a confirmation politely and an error assertively", async () => {
    expect(await render(createElement(Notice, { tone: "success" }, "Saved."))).toBe('<p class="notice notice--success" role="status">Saved.</p>');
    expect(await render(createElement(Notice, { tone: "danger", as: "div" }, "Refused."))).toBe(
      '<div class="notice notice--danger" role="alert">Refused.</div>',
    );
    expect(await render(createElement(Notice, { tone: "warning", announce: false }, "Closed."))).toBe('<p class="notice notice--warning">Closed.</p>');
  });

  it("without a message, keeps an unstyled live region for one that comes later", async () => {
    expect(await render(createElement(Notice, { id: "agenda-status", tabIndex: -1, className: "agenda-status", as: "div" }, null))).toBe(
      '<div id="agenda-status" tabindex="-1" class="agenda-status" role="status"></div>',
    );
  });
});

describe("Field, FieldErrors and SelectField", () => {
  const field = { id: "f-title", descriptionId: "f-title-description", errorId: "f-title-error", errors: ["consultations:errors.titleRequired"] };

  it("labels the control, shows the hint with its id, and the translated errors with theirs", async () => {
    const html = await render(h(Field, { field, label: "Title", hint: "As in the report" }, createElement("input", { id: "f-title" })));
    expect(html).toContain('<label for="f-title">Title</label>');
    expect(html).toContain('<p class="field__help" id="f-title-description">As in the report</p>');
    expect(html).toMatch(/<ul id="f-title-error" class="form-errors" role="alert"><li>[^<]+<\/li><\/ul><\/div>$/);
    expect(html).not.toContain("consultations:errors");
    expect(await render(createElement(FieldErrors, { errors: [] }))).toBe("");
  });

  it("ties a filter's hint and errors to its <select>", async () => {
    const choices = [{ value: "fr", label: "French" }];
    const plain = await render(createElement(SelectField, { id: "lang", name: "language", label: "Language", value: "", any: "Any", choices }));
    expect(plain).toBe(
      '<div class="field"><label for="lang">Language</label><select id="lang" name="language"><option value="" selected="">Any</option><option value="fr">French</option></select></div>',
    );
    const wired = await render(
      createElement(SelectField, { id: "lang", name: "language", label: "Language", value: "fr", choices, hint: "Of the comment", errors: ["x"] }),
    );
    expect(wired).toContain('aria-describedby="lang-hint lang-errors" aria-invalid="true"');
    expect(wired).toContain('<p class="field__help" id="lang-hint">Of the comment</p>');
    expect(wired).toContain('<ul id="lang-errors" class="form-errors" role="alert">');
  });
});

describe("TableShell and PageHeader", () => {
  it("names the table by its caption; the container becomes a focusable region only once it overflows (in the browser)", async () => {
    const body = createElement("tbody", null, createElement("tr", null, createElement("td", null, "1")));
    const html = await render(h(TableShell, { caption: "Submissions", captionHidden: true, tableClassName: "submissions-table" }, body));
    expect(html).toMatch(
      /^<div class="table-scroll"><table class="table submissions-table"><caption id="[^"]+" class="visually-hidden">Submissions<\/caption><tbody>/,
    );
    expect(html).not.toContain("tabindex");
    const labelled = await render(h(TableShell, { labelledBy: "chairs-title" }, body));
    expect(labelled).toContain('<table class="table" aria-labelledby="chairs-title">');
  });

  it("puts the one <h1> with what sits beside it, then the lead", async () => {
    const html = await render(createElement(PageHeader, { title: "CRP", aside: h(Badge, null, "Open"), lead: "Compile." }));
    expect(html).toBe('<div class="page-title"><h1>CRP</h1><span class="badge">Open</span></div><p class="lead">Compile.</p>');
  });
});

describe("ConfirmDialog", () => {
  it("is a plain submit button before any script runs, its question in a closed <dialog>", async () => {
    const html = await render(
      createElement(
        "form",
        null,
        h(
          ConfirmDialog,
          {
            message: "Delete point (a)?",
            confirmLabel: "Delete",
            size: "small",
            name: "intent",
            value: "point.delete",
          },
          "Delete",
        ),
      ),
    );
    expect(element(html.slice("<form>".length))).toEqual({
      tag: "button",
      attributes: { type: "submit", class: "button button--danger button--small", name: "intent", value: "point.delete" },
      text: "Delete",
    });
    expect(html).toMatch(/<dialog class="confirm-dialog" aria-labelledby="([^"]+)"><p id="\1">Delete point \(a\)\?<\/p>/);
    expect(html).toContain('<button type="button" class="button button--secondary">Cancel</button>');
    expect(html).not.toContain("<dialog open");
  });
});

describe("the one-time notices", () => {
  it("accepts each kind with its values, and nothing malformed", () => {
    expect(NoticeSchema.safeParse({ kind: "crp.compiled", version: 3 }).success).toBe(true);
    expect(NoticeSchema.safeParse({ kind: "agenda.done", intent: "point.move" }).success).toBe(true);
    expect(NoticeSchema.safeParse({ kind: "agenda.done", intent: "point.explode" }).success).toBe(false);
    expect(NoticeSchema.safeParse({ kind: "submissions.decided", decision: "accepted", code: "MAR", receipt: "CTOC-2020-MAR-0003" }).success).toBe(true);
    expect(NoticeSchema.safeParse({ kind: "submissions.decided", decision: "accepted", code: "MAR", receipt: "<script>" }).success).toBe(false);
    expect(NoticeSchema.safeParse({ kind: "submissions.extended", code: "mar" }).success).toBe(false);
    expect(NoticeSchema.safeParse({ kind: "consultation.circulated", number: 0 }).success).toBe(false);
    expect(NoticeSchema.safeParse({ kind: "saved" }).success).toBe(false);
  });
});
