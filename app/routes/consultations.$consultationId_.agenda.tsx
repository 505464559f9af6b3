import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  AgendaItemForm,
  ControlErrors,
  DeleteButton,
  MoveButtons,
  PointCreateForm,
  ReviseForm,
  RelabelForm,
  useHasErrors,
  type AgendaActionData,
} from "~/components/agenda-editor";
import { PendingText } from "~/components/redline";
import { StatusBadge } from "~/components/status-badge";
import { isolate, withData } from "~/components/ui/data-text";
import { AGENDA_EDITOR_INTENTS, AgendaEditorSchema, agendaFormKey, type AgendaEditorIntent } from "~/lib/agenda-forms";
import { suggestPointLabel } from "~/lib/agenda-labels";
import { isActive, isEditableStructure } from "~/lib/consultation-status";
import { isUuid } from "~/lib/ids";
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
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.consultation.title} · Nonpaper` : "Nonpaper" },
];

// A refused change (409) means someone else changed the agenda: show the page as it now is
// (Remix skips reloading after 4xx answers by default).
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

const notFound = () => data({ reason: "not_found" }, { status: 404 });
// The element to focus after a change, so that a keyboard user pressing "Move up" again moves the
// same entry again: a move button, an agenda item heading, a point, or the status message.
const FOCUS = /^(?:(?:item|point)-(?:up-|down-)?[0-9a-f-]{36}|agenda-status)$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const agenda = isUuid(params.consultationId) ? await getAgendaForEditor(user, params.consultationId) : null;
  if (!agenda) throw notFound();
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  const focus = url.searchParams.get("focus");
  const allLabels = agenda.agendaItems.flatMap((item) => item.points.map((p) => p.label));
  return {
    consultation: agenda.consultation,
    agendaItems: agenda.agendaItems.map((item) => ({
      ...item,
      suggestedLabel: suggestPointLabel(
        item.points.map((p) => p.label),
        allLabels,
      ),
    })),
    canEditStructure: isEditableStructure(agenda.consultation.status),
    canRevise: isActive(agenda.consultation.status),
    done:
      done === "imported"
        ? { kind: "imported" as const, items: Number(url.searchParams.get("items")) || 0, points: Number(url.searchParams.get("points")) || 0 }
        : (AGENDA_EDITOR_INTENTS as string[]).includes(done ?? "")
          ? { kind: done as AgendaEditorIntent }
          : null,
    focus: focus && FOCUS.test(focus) ? focus : null,
  };
}

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
    return data<AgendaActionData>({ formKey, result: submission.reply(), conflict: null }, { status: 400 });
  }
  const value = submission.value;
  const base = { consultationId, ipAddress: clientAddress(context) };
  const done = (focus: string) => {
    // The fragment scrolls to the changed entry even without JavaScript; with it, focus follows.
    throw redirect(`/consultations/${consultationId}/agenda?${new URLSearchParams({ done: value.intent, focus })}#${focus}`);
  };
  const refuse = (status: number, formErrors: string[], fieldErrors: Record<string, string[]> = {}) =>
    data<AgendaActionData>({ formKey, result: submission.reply({ formErrors, fieldErrors }), conflict: null }, { status });

  if (value.intent === "point.revise") {
    const result = await revisePoint(user, { ...base, pointId: value.pointId, text: value.text, basedOnVersion: value.basedOnVersion });
    if (result.ok) return done(`point-${value.pointId}`);
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

  let result: AgendaChangeResult;
  let focus: string;
  switch (value.intent) {
    case "item.create":
      result = await createAgendaItem(user, { ...base, ...value });
      focus = result.ok ? `item-${result.id}` : "";
      break;
    case "item.update":
      result = await updateAgendaItem(user, { ...base, ...value });
      focus = `item-${value.agendaItemId}`;
      break;
    case "item.move":
      result = await moveAgendaItem(user, { ...base, ...value });
      focus = `item-${value.direction}-${value.agendaItemId}`;
      break;
    case "item.delete":
      result = await deleteAgendaItem(user, { ...base, ...value });
      focus = "agenda-status";
      break;
    case "point.create":
      result = await createPoint(user, { ...base, ...value });
      focus = result.ok ? `point-${result.id}` : "";
      break;
    case "point.relabel":
      result = await relabelPoint(user, { ...base, ...value });
      focus = `point-${value.pointId}`;
      break;
    case "point.move":
      result = await movePoint(user, { ...base, ...value });
      focus = `point-${value.direction}-${value.pointId}`;
      break;
    case "point.delete":
      result = await deletePoint(user, { ...base, ...value });
      focus = "agenda-status";
      break;
  }
  if (result.ok) return done(focus);
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
  const { consultation, agendaItems, canEditStructure, canRevise, done, focus } = useLoaderData<typeof loader>();
  const { t } = useTranslation("agenda");
  const location = useLocation();
  const addItemHasErrors = useHasErrors(agendaFormKey("item.create"));

  useEffect(() => {
    if (!focus) return;
    // A move button that reached the top or bottom of its list is disabled now: focus the moved
    // entry itself, not the opposite button, which a second key press would wrongly trigger.
    const entry = focus.replace(/-(up|down)-/, "-");
    for (const id of [focus, entry]) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) {
        element.focus();
        return;
      }
    }
  }, [focus, location.key]);

  const pointCount = agendaItems.reduce((n, item) => n + item.points.length, 0);
  return (
    <article className="agenda-editor">
      <p className="eyebrow">
        <Link to={`/consultations/${consultation.id}`}>
          <bdi>{consultation.title}</bdi>
        </Link> · <StatusBadge status={consultation.status} />
      </p>
      <h1>{t("editor.title")}</h1>
      <p className="lead">
        {t("editor.summary", { items: t("counts.items", { count: agendaItems.length }), points: t("counts.points", { count: pointCount }) })}
      </p>
      <p className="note">{t(`editor.rules.${consultation.status}`)}</p>

      <div id="agenda-status" role="status" tabIndex={-1} className={done ? "agenda-status" : undefined}>
        {done
          ? done.kind === "imported"
            ? t("done.imported", { items: t("counts.items", { count: done.items }), points: t("counts.points", { count: done.points }) })
            : t(`done.${done.kind}`)
          : null}
      </div>

      {canEditStructure ? (
        <p className="agenda-editor__actions">
          <Link to={`/consultations/${consultation.id}/agenda/import`} className="button">
            {t("editor.import")}
          </Link>
          {agendaItems.length === 0 ? <span className="muted">{t("editor.emptyHelp")}</span> : null}
        </p>
      ) : null}

      {agendaItems.length === 0 ? <p className="empty">{t("editor.empty")}</p> : null}

      {agendaItems.map((item, index) => {
        const itemName = item.number ? t("itemName", { number: item.number }) : t("itemNameUnnumbered", { title: item.title });
        return (
          <section key={`${item.id}-${location.key}`} className="agenda-item agenda-editor__item" aria-labelledby={`item-${item.id}`}>
            <div className="agenda-editor__head">
              <h2 id={`item-${item.id}`} tabIndex={-1}>
                <span className="agenda-item__number">
                  {item.number ? withData(t("editor.agendaItem", { number: isolate(item.number) })) : t("editor.noNumber")}
                  {item.heading ? <span dir="ltr"> · {item.heading}.</span> : null}
                </span>
                <span className="agenda-item__title" lang="en" dir="ltr">
                  {item.title}
                </span>
              </h2>
              {canEditStructure ? (
                <div className="agenda-editor__controls" role="group" aria-label={t("controls.item", { name: itemName })}>
                  <MoveButtons
                    intent="item.move"
                    idName="agendaItemId"
                    id={item.id}
                    isFirst={index === 0}
                    isLast={index === agendaItems.length - 1}
                    context={itemName}
                  />
                  <DeleteButton
                    intent="item.delete"
                    idName="agendaItemId"
                    id={item.id}
                    context={itemName}
                    confirmation={t("confirm.deleteItem", { name: itemName, count: item.points.length })}
                  />
                </div>
              ) : null}
            </div>
            <ControlErrors formKeys={[agendaFormKey("item.move", item.id), agendaFormKey("item.delete", item.id)]} />
            {item.introduction ? (
              <p className="agenda-editor__introduction" lang="en" dir="ltr">
                {item.introduction}
              </p>
            ) : null}
            {canEditStructure ? (
              <EditDetails formKey={agendaFormKey("item.update", item.id)} summary={t("actions.editItem")} context={itemName}>
                <AgendaItemForm item={item} submitLabel={t("actions.saveItem")} />
              </EditDetails>
            ) : null}

            {item.points.length === 0 ? (
              <p className="empty">{t("editor.noPoints")}</p>
            ) : (
              <ol className="points agenda-editor__points">
                {item.points.map((point, pointIndex) => {
                  const pointName = t("pointName", { label: point.label, item: itemName });
                  return (
                    <li key={point.id} className="point agenda-editor__point" id={`point-${point.id}`} tabIndex={-1}>
                      <span className="point__label" lang="en" dir="ltr">
                        {point.label}
                      </span>
                      <div className="point__text" lang="en" dir="ltr">
                        {point.text.split("\n\n").map((paragraph, i) => (
                          <p key={i}>
                            <PendingText text={paragraph} />
                          </p>
                        ))}
                      </div>
                      <div className="agenda-editor__point-tools">
                        <p className="point__meta">
                          <span className="badge">{t("editor.version", { version: point.versionNumber })}</span>
                          <Link to={`/consultations/${consultation.id}/points/${point.id}`}>
                            {t("editor.history")}
                            <span className="visually-hidden"> {pointName}</span>
                          </Link>
                        </p>
                        {canEditStructure ? (
                          <div className="agenda-editor__controls" role="group" aria-label={t("controls.point", { name: pointName })}>
                            <MoveButtons
                              intent="point.move"
                              idName="pointId"
                              id={point.id}
                              isFirst={pointIndex === 0}
                              isLast={pointIndex === item.points.length - 1}
                              context={pointName}
                            />
                            <DeleteButton
                              intent="point.delete"
                              idName="pointId"
                              id={point.id}
                              context={pointName}
                              confirmation={t("confirm.deletePoint", { name: pointName })}
                            />
                          </div>
                        ) : null}
                        <ControlErrors formKeys={[agendaFormKey("point.move", point.id), agendaFormKey("point.delete", point.id)]} />
                        {canEditStructure ? (
                          <EditDetails formKey={agendaFormKey("point.relabel", point.id)} summary={t("actions.editLabel")} context={pointName}>
                            <RelabelForm point={point} />
                          </EditDetails>
                        ) : null}
                        {canRevise ? (
                          <EditDetails formKey={agendaFormKey("point.revise", point.id)} summary={t("actions.revise")} context={pointName}>
                            <ReviseForm point={point} draft={canEditStructure} />
                          </EditDetails>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}

            {canEditStructure ? (
              <EditDetails formKey={agendaFormKey("point.create", item.id)} summary={t("actions.addPointTo")} context={itemName}>
                <PointCreateForm agendaItemId={item.id} suggestedLabel={item.suggestedLabel} context={itemName} />
              </EditDetails>
            ) : null}
          </section>
        );
      })}

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

/** A form folded away until asked for; it opens by itself when it comes back with errors. */
function EditDetails({ formKey, summary, context, children }: { formKey: string; summary: string; context: string; children: ReactNode }) {
  const hasErrors = useHasErrors(formKey);
  return (
    <details className="agenda-details" open={hasErrors || undefined}>
      <summary>
        {summary}
        <span className="visually-hidden"> {context}</span>
      </summary>
      {children}
    </details>
  );
}
