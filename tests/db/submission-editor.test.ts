// The delegate's submission pages, called as Remix calls them: the editor, its autosave route,
// the review (submit) and the receipts. Every loader and action refuses whoever may not see the
// delegation's submission, and forged fields are refused with a message and change nothing.
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { SAVE_INTENT } from "~/lib/autosave-store";
import { amendmentField, commentField, generalField, proposalField } from "~/lib/submission-fields";
import { getSubmissionForDelegate } from "~/models/submission-access.server";
import { saveDraft } from "~/models/submission-draft.server";
import { action as draftAction } from "~/routes/consultations.$consultationId_.submission_.draft";
import { action as editorAction, loader as editorLoader } from "~/routes/consultations.$consultationId.submission";
import { loader as receiptLoader } from "~/routes/consultations.$consultationId.submission_.receipts.$revisionNumber";
import { action as reviewAction, loader as reviewLoader } from "~/routes/consultations.$consultationId.submission_.review";
import { loader as consultationLoader } from "~/routes/consultations.$consultationId._index";
import { getDb, schema } from "~/utils/db.server";
import { createDelegate, outcome, requestAs, statusOf, userIdByEmail } from "./helpers";
import { noticeOf } from "./notices";
import { countQueries, openConsultation, setDeadline, userByEmail } from "./submission-setup";
import { useTestDatabase } from "./support";

useTestDatabase();

const context = { clientAddress: "127.0.0.1" };
const UNKNOWN = "00000000-0000-4000-8000-000000000000";
type Open = Awaited<ReturnType<typeof openConsultation>>;
let c: Open;
let keyCounter = 0;
const key = () => `editor-key-${Date.now()}-${keyCounter++}`;

beforeAll(async () => {
  c = await openConsultation();
});

const base = (id: string) => `/consultations/${id}/submission`;

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

async function post(email: string | null, path: string, fields: Record<string, string>) {
  return requestAs(email, path, { method: "POST", body: formOf(fields) });
}

/** An autosave request as the page's hook sends it. */
async function autosave(email: string | null, consultationId: string, draftVersion: number, fields: Record<string, string>, userId?: string) {
  const request = await post(email, `${base(consultationId)}/draft`, {
    intent: SAVE_INTENT,
    draftVersion: String(draftVersion),
    userId: userId ?? (email ? await userIdByEmail(email) : ""),
    ...fields,
  });
  const response = (await draftAction({ request, params: { consultationId }, context })) as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
}

async function draftVersionOf(email: string, consultationId: string) {
  return (await getSubmissionForDelegate(await userByEmail(email), consultationId))!.draft.draftVersion;
}

async function draftCommentCount(consultationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(schema.comments)
    .innerJoin(schema.submissions, eq(schema.submissions.id, schema.comments.submissionId))
    .where(and(eq(schema.submissions.consultationId, consultationId), isNull(schema.comments.revisionId)));
  return row!.n;
}

async function revisionCount(consultationId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(schema.submissionRevisions)
    .innerJoin(schema.submissions, eq(schema.submissions.id, schema.submissionRevisions.submissionId))
    .where(eq(schema.submissions.consultationId, consultationId));
  return row!.n;
}

function peruFields() {
  return {
    language: "es",
    [generalField(c.items["2"]!)]: "El Perú agradece a la Secretaría.",
    [commentField(c.points["2(a)"]!)]: "Apoyamos el punto a).",
    [commentField(c.points["2(b)"]!)]: "Proponemos suprimir los corchetes.",
    [amendmentField(c.points["2(b)"]!)]: "The Secretariat should continue to provide technical assistance.",
    [proposalField(c.items["3"]!, 0)]: "Cooperación regional.",
  };
}

// A delegate of a delegation not registered for the consultation, the secretariat and a chair.
const OUTSIDERS = ["fiji@nonpaper.test", "secretariat@nonpaper.test", "chair@nonpaper.test"];

beforeAll(async () => {
  await createDelegate("fiji@nonpaper.test", "FJI");
});

describe("who may reach the delegation's submission", () => {
  it("the editor, review and receipt loaders answer 404 to another delegation, the secretariat and a chair, and for malformed ids", async () => {
    // Peru has a draft and a revision, so that there is something to leak.
    const saved = await autosave("peru@nonpaper.test", c.consultationId, 0, peruFields());
    expect(saved.status).toBe(200);
    const reviewed = await reviewLoader({
      request: await requestAs("peru@nonpaper.test", `${base(c.consultationId)}/review`),
      params: { consultationId: c.consultationId },
      context,
    });
    const submitted = await outcome(async () =>
      reviewAction({
        request: await post("peru@nonpaper.test", `${base(c.consultationId)}/review`, {
          intent: "submit",
          idempotencyKey: reviewed.idempotencyKey,
          draftVersion: String(reviewed.draftVersion),
        }),
        params: { consultationId: c.consultationId },
        context,
      }),
    );
    expect(statusOf((submitted as { thrown: unknown }).thrown)).toBe(302);

    for (const email of OUTSIDERS) {
      for (const [name, run] of [
        [
          "editor",
          async () => editorLoader({ request: await requestAs(email, base(c.consultationId)), params: { consultationId: c.consultationId }, context }),
        ],
        [
          "review",
          async () =>
            reviewLoader({ request: await requestAs(email, `${base(c.consultationId)}/review`), params: { consultationId: c.consultationId }, context }),
        ],
        [
          "receipt",
          async () =>
            receiptLoader({
              request: await requestAs(email, `${base(c.consultationId)}/receipts/1`),
              params: { consultationId: c.consultationId, revisionNumber: "1" },
              context,
            }),
        ],
      ] as const) {
        const denied = await outcome(run as () => Promise<unknown>);
        expect(statusOf((denied as { thrown: unknown }).thrown), `${name} as ${email}`).toBe(404);
      }
    }
    for (const [consultationId, revisionNumber] of [
      ["not-a-uuid", "1"],
      [UNKNOWN, "1"],
      [c.consultationId, "0"],
      [c.consultationId, "1e3"],
      [c.consultationId, "99"],
    ] as const) {
      const denied = await outcome(async () =>
        receiptLoader({ request: await requestAs("peru@nonpaper.test", "/x"), params: { consultationId, revisionNumber }, context }),
      );
      expect(statusOf((denied as { thrown: unknown }).thrown), `${consultationId} ${revisionNumber}`).toBe(404);
    }
    for (const consultationId of ["not-a-uuid", UNKNOWN]) {
      const denied = await outcome(async () => editorLoader({ request: await requestAs("peru@nonpaper.test", "/x"), params: { consultationId }, context }));
      expect(statusOf((denied as { thrown: unknown }).thrown), consultationId).toBe(404);
    }
    // Morocco, registered too, reaches only Morocco's own (empty) submission at the same address.
    const morocco = await editorLoader({
      request: await requestAs("morocco@nonpaper.test", base(c.consultationId)),
      params: { consultationId: c.consultationId },
      context,
    });
    expect(morocco.submission.delegation.code).toBe("MAR");
    expect(morocco.submission.revisions).toEqual([]);
    expect(JSON.stringify(morocco)).not.toContain("Apoyamos");
    const moroccoReview = await reviewLoader({
      request: await requestAs("morocco@nonpaper.test", "/x"),
      params: { consultationId: c.consultationId },
      context,
    });
    expect(moroccoReview.empty).toBe(true);
    const moroccoReceipt = await outcome(async () =>
      receiptLoader({ request: await requestAs("morocco@nonpaper.test", "/x"), params: { consultationId: c.consultationId, revisionNumber: "1" }, context }),
    );
    expect(statusOf((moroccoReceipt as { thrown: unknown }).thrown)).toBe(404);
    // Peru's own pages open, with Peru's text.
    const page = await editorLoader({
      request: await requestAs("peru@nonpaper.test", base(c.consultationId)),
      params: { consultationId: c.consultationId },
      context,
    });
    expect(page.serverFields[commentField(c.points["2(a)"]!)]).toBe("Apoyamos el punto a).");
    const receipt = await receiptLoader({
      request: await requestAs("peru@nonpaper.test", "/x"),
      params: { consultationId: c.consultationId, revisionNumber: "1" },
      context,
    });
    expect(receipt.revision.receiptNumber).toMatch(/-PER-0001$/);
  });

  it("anonymous visitors are sent to sign in from the pages, and get 401 JSON from the autosave", async () => {
    for (const run of [
      async () => editorLoader({ request: await requestAs(null, base(c.consultationId)), params: { consultationId: c.consultationId }, context }),
      async () => reviewLoader({ request: await requestAs(null, `${base(c.consultationId)}/review`), params: { consultationId: c.consultationId }, context }),
      async () => receiptLoader({ request: await requestAs(null, "/x"), params: { consultationId: c.consultationId, revisionNumber: "1" }, context }),
      async () =>
        editorAction({ request: await post(null, base(c.consultationId), { intent: "withdraw" }), params: { consultationId: c.consultationId }, context }),
      async () =>
        reviewAction({
          request: await post(null, "/x", { intent: "submit", idempotencyKey: key(), draftVersion: "1" }),
          params: { consultationId: c.consultationId },
          context,
        }),
    ]) {
      const denied = await outcome(run as () => Promise<unknown>);
      const thrown = (denied as { thrown: unknown }).thrown as Response;
      expect(thrown.status).toBe(302);
      expect(thrown.headers.get("Location")).toMatch(/^\/login/);
    }
    const before = await draftVersionOf("peru@nonpaper.test", c.consultationId);
    const answer = await autosave(null, c.consultationId, before, { ...peruFields(), language: "fr" });
    expect(answer.status).toBe(401);
    expect(answer.response.headers.get("Content-Type")).toMatch(/json/);
    expect(answer.body).toMatchObject({ ok: false });
    expect(await draftVersionOf("peru@nonpaper.test", c.consultationId)).toBe(before);
  });

  it("the actions (save, review, submit, withdraw) answer 404 to others and change nothing of Peru's", async () => {
    const version = await draftVersionOf("peru@nonpaper.test", c.consultationId);
    const revisions = await revisionCount(c.consultationId);
    for (const email of [...OUTSIDERS, "morocco@nonpaper.test"]) {
      const saved = await autosave(email, c.consultationId, email === "morocco@nonpaper.test" ? 0 : version, { ...peruFields(), language: "fr" });
      // Morocco's delegate saves into Morocco's own draft (Peru's point ids are this consultation's).
      if (email === "morocco@nonpaper.test") expect(saved.status).toBe(200);
      else expect(saved.status, email).toBe(404);
      for (const [name, run] of [
        [
          "withdraw",
          async () =>
            editorAction({ request: await post(email, base(c.consultationId), { intent: "withdraw" }), params: { consultationId: c.consultationId }, context }),
        ],
        [
          "review",
          async () =>
            editorAction({
              request: await post(email, base(c.consultationId), { intent: "review", draftVersion: "0", language: "en" }),
              params: { consultationId: c.consultationId },
              context,
            }),
        ],
        [
          "submit",
          async () =>
            reviewAction({
              request: await post(email, "/x", { intent: "submit", idempotencyKey: key(), draftVersion: String(version) }),
              params: { consultationId: c.consultationId },
              context,
            }),
        ],
      ] as const) {
        const result = await outcome(run as () => Promise<unknown>);
        const status = "thrown" in result ? statusOf(result.thrown) : statusOf(result.value);
        if (email === "morocco@nonpaper.test") {
          // Morocco acts on Morocco's submission: nothing of Peru's is touched (checked below).
          continue;
        }
        expect(status, `${name} as ${email}`).toBe(404);
      }
    }
    for (const consultationId of ["not-a-uuid", UNKNOWN]) {
      const saved = await autosave("peru@nonpaper.test", consultationId, 0, peruFields());
      expect(saved.status).toBe(404);
      const withdrawn = await outcome(async () =>
        editorAction({ request: await post("peru@nonpaper.test", "/x", { intent: "withdraw" }), params: { consultationId }, context }),
      );
      expect(statusOf((withdrawn as { thrown: unknown }).thrown)).toBe(404);
      const submitted = await outcome(async () =>
        reviewAction({
          request: await post("peru@nonpaper.test", "/x", { intent: "submit", idempotencyKey: key(), draftVersion: "1" }),
          params: { consultationId },
          context,
        }),
      );
      expect(statusOf((submitted as { thrown: unknown }).thrown)).toBe(404);
    }
    const peru = await getSubmissionForDelegate(await userByEmail("peru@nonpaper.test"), c.consultationId);
    expect(peru!.draft.draftVersion).toBe(version);
    expect(peru!.draft.content.language).toBe("es");
    expect(peru!.revisions.filter((r) => r.state === "current")).toHaveLength(1);
    expect(await revisionCount(c.consultationId)).toBeGreaterThanOrEqual(revisions);
  });

  it("autosave: 403 and nothing written when the session belongs to someone else than the page's user", async () => {
    const version = await draftVersionOf("peru@nonpaper.test", c.consultationId);
    const otherUser = await userIdByEmail("morocco@nonpaper.test");
    const answer = await autosave("peru@nonpaper.test", c.consultationId, version, { ...peruFields(), language: "en" }, otherUser);
    expect(answer.status).toBe(403);
    expect(await draftVersionOf("peru@nonpaper.test", c.consultationId)).toBe(version);
  });
});

describe("forged and bad fields", () => {
  let d: Open;
  beforeAll(async () => {
    d = await openConsultation({ delegations: ["PER", "MAR"] });
  });

  async function expectRefused(fields: Record<string, string>, field: string, message: string) {
    const version = await draftVersionOf("peru@nonpaper.test", d.consultationId);
    const comments = await draftCommentCount(d.consultationId);
    const answer = await autosave("peru@nonpaper.test", d.consultationId, version, fields);
    expect(answer.status).toBe(400);
    const errors = answer.body.errors as Record<string, { message: string }[]>;
    expect(errors[field]?.map((e) => e.message)).toContain(message);
    expect(await draftVersionOf("peru@nonpaper.test", d.consultationId)).toBe(version);
    expect(await draftCommentCount(d.consultationId)).toBe(comments);

    // The page's own form gives the same message, and brings back what was typed.
    const page = await editorAction({
      request: await post("peru@nonpaper.test", base(d.consultationId), { intent: "review", draftVersion: String(version), ...fields }),
      params: { consultationId: d.consultationId },
      context,
    });
    const body = (page as unknown as { data: { typedFields: Record<string, string>; errors: Record<string, { message: string }[]> } }).data;
    expect(statusOf(page)).toBe(400);
    expect(body.errors[field]?.map((e) => e.message)).toContain(message);
    expect(body.typedFields).toEqual(fields);
    expect(await draftVersionOf("peru@nonpaper.test", d.consultationId)).toBe(version);
  }

  it("a point of another consultation", async () => {
    const foreignPoint = c.points["2(a)"]!;
    await expectRefused({ language: "es", [commentField(foreignPoint)]: "Comentario." }, commentField(foreignPoint), "submissions:errors.pointUnknown");
  });

  it("an unknown language code", async () => {
    await expectRefused({ language: "de", [commentField(d.points["2(a)"]!)]: "Kommentar." }, "language", "submissions:errors.languageUnknown");
  });

  it("a 60,000-character comment", async () => {
    const name = generalField(d.items["2"]!);
    await expectRefused({ language: "en", [name]: "a".repeat(60_000) }, name, "submissions:errors.tooLong");
  });

  it("a bidi-override character", async () => {
    const name = commentField(d.points["2(b)"]!);
    await expectRefused({ language: "en", [name]: "We support \u202Etxet sihT" }, name, "submissions:errors.bidiControl");
  });

  // A browser shows U+0000 in a page as U+FFFD: neither is ever typed, so neither is saved.
  for (const [code, char] of [
    ["U+FFFD", "\uFFFD"],
    ["U+0000", "\u0000"],
  ] as const) {
    it(`a damaged character (${code}) in a Chinese comment, by review and by autosave`, async () => {
      const name = commentField(d.points["2(a)"]!);
      const text = `中国代表团支持关于加强技术援助的建议${char}并建议增加“能力建设”一词。`;
      await expectRefused({ language: "zh", [name]: text }, name, "submissions:errors.lostCharacter");
      const version = await draftVersionOf("peru@nonpaper.test", d.consultationId);
      const answer = await autosave("peru@nonpaper.test", d.consultationId, version, { language: "zh", [name]: text });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain("submissions:errors.lostCharacter");
      expect(JSON.stringify(answer.body)).toContain(`"position":19`);
      expect(await draftVersionOf("peru@nonpaper.test", d.consultationId)).toBe(version);
    });
  }

  it("<script> in a comment is stored and returned as text", async () => {
    const name = commentField(d.points["2(a)"]!);
    const text = `<script>alert("x")</script> <b>bold</b> & more`;
    const answer = await autosave("peru@nonpaper.test", d.consultationId, await draftVersionOf("peru@nonpaper.test", d.consultationId), {
      language: "en",
      [name]: text,
    });
    expect(answer.status).toBe(200);
    const page = await editorLoader({
      request: await requestAs("peru@nonpaper.test", base(d.consultationId)),
      params: { consultationId: d.consultationId },
      context,
    });
    expect(page.serverFields[name]).toBe(text);
  });
});

describe("saving, reviewing, submitting, withdrawing", () => {
  let e: Open;
  beforeAll(async () => {
    e = await openConsultation({ delegations: ["PER", "MAR", "USA"] });
  });

  it("autosave: a conflict carries the colleague's text as fields; a repeated save is no conflict", async () => {
    const first = await autosave("peru@nonpaper.test", e.consultationId, 0, { language: "es", [generalField(e.items["2"]!)]: "Primera versión." });
    expect(first.body).toMatchObject({ ok: true, draftVersion: 1 });
    // The same save again (a retry, the beacon on leaving) names version 0 but is no conflict.
    const again = await autosave("peru@nonpaper.test", e.consultationId, 0, { language: "es", [generalField(e.items["2"]!)]: "Primera versión." });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ ok: true, draftVersion: 1, changed: false });
    // A different text on the old version is a conflict, with the other text to show.
    const conflict = await autosave("peru@nonpaper.test", e.consultationId, 0, { language: "es", [generalField(e.items["2"]!)]: "Otra versión." });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ ok: false, reason: "conflict", draftVersion: 1 });
    expect((conflict.body.fields as Record<string, string>)[generalField(e.items["2"]!)]).toBe("Primera versión.");
    expect(await draftVersionOf("peru@nonpaper.test", e.consultationId)).toBe(1);
  });

  it("saveDraft: an empty save with no draft yet is 'saved, unchanged' whatever version it names", async () => {
    const usa = await userByEmail("usa@nonpaper.test");
    const result = await saveDraft(usa, { consultationId: e.consultationId, baseDraftVersion: 7, content: { language: "en" } });
    expect(result).toMatchObject({ ok: true, changed: false, draftVersion: 0 });
    expect((await getSubmissionForDelegate(usa, e.consultationId))!.draft.draftVersion).toBe(0);
  });

  it("the editor's review: saves and goes to the review; a conflict comes back with both texts", async () => {
    const fields = { language: "es", [generalField(e.items["2"]!)]: "Segunda versión.", [commentField(e.points["2(a)"]!)]: "De acuerdo." };
    const stale = await editorAction({
      request: await post("peru@nonpaper.test", base(e.consultationId), { intent: "review", draftVersion: "0", ...fields }),
      params: { consultationId: e.consultationId },
      context,
    });
    expect(statusOf(stale)).toBe(409);
    const staleBody = (stale as unknown as { data: { typedFields: Record<string, string>; conflict: { fields: Record<string, string> } } }).data;
    expect(staleBody.typedFields).toEqual(fields);
    expect(staleBody.conflict.fields[generalField(e.items["2"]!)]).toBe("Primera versión.");

    const ok = await outcome(async () =>
      editorAction({
        request: await post("peru@nonpaper.test", base(e.consultationId), { intent: "review", draftVersion: "1", ...fields }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    const thrown = (ok as { thrown: Response }).thrown;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get("Location")).toBe(`${base(e.consultationId)}/review`);
    expect(await draftVersionOf("peru@nonpaper.test", e.consultationId)).toBe(2);
  });

  it("submit: the same idempotency key twice gives one revision; a changed draft is sent back to review", async () => {
    const review = await reviewLoader({ request: await requestAs("peru@nonpaper.test", "/x"), params: { consultationId: e.consultationId }, context });
    expect(review.empty).toBe(false);
    expect(review.content.general[0]!.body).toBe("Segunda versión.");
    const submit = async () =>
      outcome(async () =>
        reviewAction({
          request: await post("peru@nonpaper.test", "/x", {
            intent: "submit",
            idempotencyKey: review.idempotencyKey,
            draftVersion: String(review.draftVersion),
          }),
          params: { consultationId: e.consultationId },
          context,
        }),
      );
    const [one, two] = await Promise.all([submit(), submit()]);
    for (const result of [one, two]) {
      const thrown = (result as { thrown: Response }).thrown;
      expect(thrown.status).toBe(302);
      expect(thrown.headers.get("Location")).toBe(`${base(e.consultationId)}/receipts/1`);
    }
    expect(await revisionCount(e.consultationId)).toBe(1);

    // A colleague changes the draft after this page was reviewed: nothing is submitted.
    const colleagueVersion = await draftVersionOf("peru@nonpaper.test", e.consultationId);
    await autosave("peru@nonpaper.test", e.consultationId, colleagueVersion, { language: "es", [generalField(e.items["2"]!)]: "Tercera versión." });
    const stale = await outcome(async () =>
      reviewAction({
        request: await post("peru@nonpaper.test", "/x", { intent: "submit", idempotencyKey: key(), draftVersion: String(review.draftVersion) }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    expect((stale as { thrown: Response }).thrown.headers.get("Location")).toBe(base(e.consultationId));
    expect(await noticeOf((stale as { thrown: Response }).thrown)).toEqual({ kind: "submission.notice", notice: "stale" });
    expect(await revisionCount(e.consultationId)).toBe(1);

    // A malformed idempotency key is refused with a message.
    const badKey = await reviewAction({
      request: await post("peru@nonpaper.test", "/x", { intent: "submit", idempotencyKey: "<x>", draftVersion: String(colleagueVersion + 1) }),
      params: { consultationId: e.consultationId },
      context,
    });
    expect(statusOf(badKey)).toBe(400);
    expect(await revisionCount(e.consultationId)).toBe(1);
  });

  it("a revision supersedes the first; both receipts stay readable; withdraw, then nothing to withdraw", async () => {
    const review = await reviewLoader({ request: await requestAs("peru@nonpaper.test", "/x"), params: { consultationId: e.consultationId }, context });
    expect(review.nextRevision).toBe(2);
    await outcome(async () =>
      reviewAction({
        request: await post("peru@nonpaper.test", "/x", { intent: "submit", idempotencyKey: review.idempotencyKey, draftVersion: String(review.draftVersion) }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    const second = await receiptLoader({
      request: await requestAs("peru@nonpaper.test", "/x"),
      params: { consultationId: e.consultationId, revisionNumber: "2" },
      context,
    });
    expect(second.revision.state).toBe("current");
    expect(second.revisions.map((r) => [r.revisionNumber, r.state])).toEqual([
      [2, "current"],
      [1, "superseded"],
    ]);
    const firstRequest = await requestAs("peru@nonpaper.test", "/x");
    const { queries, result: first } = await countQueries(() =>
      receiptLoader({ request: firstRequest, params: { consultationId: e.consultationId, revisionNumber: "1" }, context }),
    );
    expect(first.content.general[0]!.body).toBe("Segunda versión.");
    // The session (2), the revision (3) and the list of revisions (3): never the draft or the
    // circulated text, which the receipt does not show.
    expect(queries).toBeLessThanOrEqual(8);

    const withdrawn = await outcome(async () =>
      editorAction({
        request: await post("peru@nonpaper.test", base(e.consultationId), { intent: "withdraw" }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    expect((withdrawn as { thrown: Response }).thrown.headers.get("Location")).toBe(base(e.consultationId));
    expect(await noticeOf((withdrawn as { thrown: Response }).thrown)).toEqual({ kind: "submission.notice", notice: "withdrawn" });
    const again = await editorAction({
      request: await post("peru@nonpaper.test", base(e.consultationId), { intent: "withdraw" }),
      params: { consultationId: e.consultationId },
      context,
    });
    expect(statusOf(again)).toBe(409);
    expect((again as unknown as { data: { errors: Record<string, { message: string }[]> } }).data.errors[""]![0]!.message).toBe(
      "submissions:errors.notSubmitted",
    );
  });

  it("after the deadline: the draft is closed (423), the review goes on, and the submission is held as late", async () => {
    await setDeadline(e.consultationId, new Date(Date.now() - 60_000));
    const version = await draftVersionOf("peru@nonpaper.test", e.consultationId);
    const closed = await autosave("peru@nonpaper.test", e.consultationId, version, { language: "es", [generalField(e.items["2"]!)]: "Demasiado tarde." });
    expect(closed.status).toBe(423);
    expect(closed.body).toMatchObject({ reason: "deadline_passed" });
    const page = await editorLoader({
      request: await requestAs("peru@nonpaper.test", base(e.consultationId)),
      params: { consultationId: e.consultationId },
      context,
    });
    expect(page.submission.can).toMatchObject({ edit: false, submit: true, submitIsLate: true, withdraw: false });
    const toReview = await outcome(async () =>
      editorAction({
        request: await post("peru@nonpaper.test", base(e.consultationId), { intent: "review", draftVersion: String(version), ...page.serverFields }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    expect((toReview as { thrown: Response }).thrown.headers.get("Location")).toBe(`${base(e.consultationId)}/review`);
    const review = await reviewLoader({ request: await requestAs("peru@nonpaper.test", "/x"), params: { consultationId: e.consultationId }, context });
    await outcome(async () =>
      reviewAction({
        request: await post("peru@nonpaper.test", "/x", { intent: "submit", idempotencyKey: review.idempotencyKey, draftVersion: String(review.draftVersion) }),
        params: { consultationId: e.consultationId },
        context,
      }),
    );
    const receipt = await receiptLoader({
      request: await requestAs("peru@nonpaper.test", "/x"),
      params: { consultationId: e.consultationId, revisionNumber: "3" },
      context,
    });
    expect(receipt.revision.late).toBe("pending");
  });
});

describe("the consultation page", () => {
  it("shows a delegate their delegation's extended deadline, and others the consultation's", async () => {
    const f = await openConsultation({ delegations: ["PER", "MAR"] });
    const extended = new Date(Date.now() + 30 * 86_400_000);
    const db = await getDb();
    const [peru] = await db.select({ id: schema.delegations.id }).from(schema.delegations).where(eq(schema.delegations.code, "PER"));
    await db
      .update(schema.registrations)
      .set({ deadlineExtendedTo: extended })
      .where(and(eq(schema.registrations.consultationId, f.consultationId), eq(schema.registrations.delegationId, peru!.id)));
    const load = async (email: string) =>
      consultationLoader({ request: await requestAs(email, `/consultations/${f.consultationId}`), params: { consultationId: f.consultationId }, context });
    expect((await load("peru@nonpaper.test")).delegationDeadline?.effective?.getTime()).toBe(extended.getTime());
    const morocco = await load("morocco@nonpaper.test");
    expect(morocco.delegationDeadline?.extendedTo).toBeNull();
    expect(morocco.delegationDeadline?.effective?.getTime()).toBe(new Date(morocco.detail.consultation.deadline!).getTime());
    expect((await load("secretariat@nonpaper.test")).delegationDeadline).toBeNull();
  });
});
