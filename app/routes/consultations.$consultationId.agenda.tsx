import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { z } from "zod";
import { AgendaItemForm, useHasErrors, type AgendaActionData } from "~/components/agenda/agenda-editor";
import { AgendaItemSection } from "~/components/agenda/agenda-item-section";
import { useFocusAfterChange } from "~/components/agenda/use-focus-after-change";
import { Button } from "~/components/ui/button";
import { Notice, useNotice } from "~/components/ui/notice";
import { readAgendaFocus, withSuggestedLabels } from "~/lib/agenda-editor";
import { AGENDA_EDITOR_INTENTS, AgendaEditorSchema, agendaFormKey, type AgendaEditorIntent } from "~/lib/agenda-forms";
import { isActive, isEditableStructure } from "~/lib/consultation-status";
import { replyUnparsed } from "~/lib/form-unreadable";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import {
  createAgendaItem,
  createPoint,
  deleteAgendaItem,
  deletePoint,
  getAgendaForEditor,
  moveAgendaItem,
  movePoint,
  relabelPoint,
  updateAgendaItem,
  type AgendaChangeResult,
} from "~/models/agenda.server";
import { revisePoint } from "~/models/point.server";
import type { SessionUser } from "~/models/user.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import agendaStylesheet from "~/styles/agenda.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("agenda:editor.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStylesheet }];

// A refused change (409) means someone else changed the agenda: show the page as it now is
// (Remix skips reloading after 4xx answers by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) => actionStatus === 409 || defaultShouldRevalidate;

const notFound = () => data({ reason: "not_found" }, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const agenda = isUuid(params.consultationId) ? await getAgendaForEditor(user, params.consultationId) : null;
  if (!agenda) throw notFound();
  const { searchParams } = new URL(request.url);
  return {
    consultation: agenda.consultation,
    agendaItems: withSuggestedLabels(agenda.agendaItems),
    canEditStructure: isEditableStructure(agenda.consultation.status),
    canRevise: isActive(agenda.consultation.status),
    // Left by the redirect after a change or an import: what was done. The element to focus stays
    // in the address (?focus= and the hash), which scrolls to it even without JavaScript.
    done: await readNotice(request, ["agenda.done", "agenda.imported"]),
    focus: readAgendaFocus(searchParams),
  };
}

// ---------------------------------------------------------------------------------------------
// The action: one handler per intent

type Value<I extends AgendaEditorIntent> = Extract<z.infer<typeof AgendaEditorSchema>, { intent: I }>;
type Actor = { user: SessionUser; base: { consultationId: string; ipAddress: string } };
type Change = Promise<{ result: AgendaChangeResult; focus: string }>;
type StructuralIntent = Exclude<AgendaEditorIntent, "point.revise">;

// Each structural change: the model call, and the element to focus once it is made.
const changes: { [I in StructuralIntent]: (actor: Actor, value: Value<I>) => Change } = {
  "item.create": async ({ user, base }, value) => {
    const result = await createAgendaItem(user, { ...base, ...value });
    return { result, focus: result.ok ? `item-${result.id}` : "" };
  },
  "item.update": async ({ user, base }, value) => ({
    result: await updateAgendaItem(user, { ...base, ...value }),
    focus: `item-${value.agendaItemId}`,
  }),
  "item.move": async ({ user, base }, value) => ({
    result: await moveAgendaItem(user, { ...base, ...value }),
    focus: `item-${value.direction}-${value.agendaItemId}`,
  }),
  "item.delete": async ({ user, base }, value) => ({ result: await deleteAgendaItem(user, { ...base, ...value }), focus: "agenda-status" }),
  "point.create": async ({ user, base }, value) => {
    const result = await createPoint(user, { ...base, ...value });
    return { result, focus: result.ok ? `point-${result.id}` : "" };
  },
  "point.relabel": async ({ user, base }, value) => ({ result: await relabelPoint(user, { ...base, ...value }), focus: `point-${value.pointId}` }),
  "point.move": async ({ user, base }, value) => ({
    result: await movePoint(user, { ...base, ...value }),
    focus: `point-${value.direction}-${value.pointId}`,
  }),
  "point.delete": async ({ user, base }, value) => ({ result: await deletePoint(user, { ...base, ...value }), focus: "agenda-status" }),
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const consultationId = params.consultationId;
  if (!isUuid(consultationId)) throw notFound();
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (!(AGENDA_EDITOR_INTENTS as string[]).includes(intent)) throw data({ reason: "bad_request" }, { status: 400 });
  // Ids come from the page, not from typing: a malformed one is a forged or stale form.
  const targetId = formData.get("agendaItemId") ?? formData.get("pointId");
  if (intent !== "item.create" && (typeof targetId !== "string" || !isUuid(targetId))) throw notFound();
  const formKey = agendaFormKey(intent, typeof targetId === "string" ? targetId : null);

  const submission = parseWithZod(formData, { schema: AgendaEditorSchema });
  if (submission.status !== "success") {
    return data<AgendaActionData>({ formKey, result: replyUnparsed(submission), conflict: null }, { status: 400 });
  }
  const value = submission.value;
  const actor: Actor = { user, base: { consultationId, ipAddress: clientAddress(context) } };
  const done = async (focus: string) => {
    // The fragment scrolls to the changed entry even without JavaScript; with it, focus follows.
    throw await redirectWithNotice(request, paths.agenda(consultationId, { focus }, focus), { kind: "agenda.done", intent: value.intent });
  };
  const refuse = (status: number, formErrors: string[], fieldErrors: Record<string, string[]> = {}) =>
    data<AgendaActionData>({ formKey, result: submission.reply({ formErrors, fieldErrors }), conflict: null }, { status });

  if (value.intent === "point.revise") {
    const result = await revisePoint(user, { ...actor.base, pointId: value.pointId, text: value.text, basedOnVersion: value.basedOnVersion });
    if (result.ok) return await done(`point-${value.pointId}`);
    if (result.reason === "not_found") throw notFound();
    if (result.reason === "wrong_status") return refuse(409, ["agenda:errors.compiled"]);
    if (result.reason === "unchanged") return refuse(400, ["agenda:errors.unchanged"]);
    // Someone saved another version meanwhile: keep what this officer typed and show theirs.
    return data<AgendaActionData>(
      {
        formKey,
        result: submission.reply({ formErrors: ["agenda:errors.staleVersion"] }),
        conflict: { currentVersion: result.currentVersion ?? 0, currentText: result.currentText ?? "" },
      },
      { status: 409 },
    );
  }

  // One handler per intent; the cast only pairs each intent with its own handler.
  const handler = changes[value.intent] as (actor: Actor, value: Value<StructuralIntent>) => Change;
  const { result, focus } = await handler(actor, value);
  if (result.ok) return await done(focus);
  switch (result.reason) {
    case "not_found":
      throw notFound();
    case "wrong_status":
      return refuse(409, ["agenda:errors.notDraft"]);
    case "number_taken":
      return refuse(409, [], { number: ["agenda:errors.numberTaken"] });
    case "label_taken":
      return refuse(409, [], { label: ["agenda:errors.labelTaken"] });
    case "at_edge":
      return refuse(409, ["agenda:errors.atEdge"]);
  }
}

export default function AgendaEditorPage() {
  const { consultation, agendaItems, canEditStructure, canRevise, focus, ...loaded } = useLoaderData<typeof loader>();
  const done = useNotice(loaded.done);
  const { t } = useTranslation("agenda");
  const location = useLocation();
  const addItemHasErrors = useHasErrors(agendaFormKey("item.create"));
  useFocusAfterChange(focus);

  const pointCount = agendaItems.reduce((n, item) => n + item.points.length, 0);
  return (
    <article className="agenda-editor">
      <h1>{t("editor.title")}</h1>
      <p className="lead">
        {/* Counts after labels: a whole sentence that needs no agreement with two numbers. */}
        {t("editor.summary", { items: agendaItems.length, points: pointCount })}
      </p>
      <p className="note">{t(`editor.rules.${consultation.status}`)}</p>

      {/* A live region from the start (where the focus goes after a deletion), the message in it. */}
      <Notice as="div" tone="success" id="agenda-status" tabIndex={-1} className="agenda-status">
        {done
          ? done.kind === "agenda.imported"
            ? t("done.imported", { items: t("counts.items", { count: done.items }), points: t("counts.points", { count: done.points }) })
            : t(`done.${done.intent}`)
          : null}
      </Notice>

      {canEditStructure ? (
        <p className="agenda-editor__actions">
          <Button to={paths.agendaImport(consultation.id)}>{t("editor.import")}</Button>
          {agendaItems.length === 0 ? <span className="muted">{t("editor.emptyHelp")}</span> : null}
        </p>
      ) : null}

      {agendaItems.length === 0 ? <p className="empty">{t("editor.empty")}</p> : null}

      {agendaItems.map((item, index) => (
        <AgendaItemSection
          key={`${item.id}-${location.key}`}
          consultationId={consultation.id}
          item={item}
          isFirst={index === 0}
          isLast={index === agendaItems.length - 1}
          canEditStructure={canEditStructure}
          canRevise={canRevise}
        />
      ))}

      {canEditStructure ? (
        <section className="panel" aria-labelledby="add-item-title" key={`add-${location.key}`}>
          <h2 id="add-item-title">{t("editor.addItem")}</h2>
          <details open={agendaItems.length === 0 || addItemHasErrors || undefined} className="agenda-details">
            <summary>{t("actions.addItem")}</summary>
            <AgendaItemForm submitLabel={t("actions.addItem")} />
          </details>
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
