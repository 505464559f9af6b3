import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { RevisionOthers } from "~/components/revision/revision-others";
import { RevisionSummary } from "~/components/revision/revision-summary";
import { RevisedPoint } from "~/components/revision/revised-point";
import { isolate, withData } from "~/components/ui/data-text";
import type { TitleHandle } from "~/components/ui/document-title";
import { Notice, useNotice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { mayManageConsultation } from "~/lib/permissions";
import { getRevision } from "~/models/revision.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { resolveLanguage } from "~/utils/i18n.server";
import { readNotice } from "~/utils/notice.server";
import stylesheet from "~/styles/revision.css?url";
import { handleIntent } from "./intents.server";
import { revisionPage } from "./query.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const handle: TitleHandle<typeof loader> = { title: (t, loaded) => t("revision:title", { number: loaded?.number ?? 1 }) };

const notFound = () => data({ reason: "not_found" }, { status: 404 });

/** The Chair's revised text of a later round: the secretariat, and the chairs once circulated. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  const revision = isUuid(params.consultationId) ? await getRevision(user, params.consultationId) : null;
  if (!revision) throw notFound();
  const readerLanguage = await resolveLanguage(request, user.language);
  const page = await revisionPage(user, revision, new URL(request.url).searchParams.get("item"), readerLanguage);
  return {
    ...page,
    editable: mayManageConsultation(user) && revision.consultation.status === "draft",
    done: await readNotice(request, ["revision.done"]),
  };
}

/**
 * The secretariat's changes to Rev.1 (wording, amendment applied, links, merge, split, relabel,
 * delete), and on a closed first round the start of its revised text. Delegates 403; the models
 * answer anyone else not found.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  if (!isUuid(params.consultationId)) throw notFound();
  return handleIntent({ request, user, consultationId: params.consultationId, form: await request.formData(), ipAddress: clientAddress(context) });
}

export default function RevisionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = useNotice(page.done);
  const { t } = useTranslation(["revision", "consultations"]);
  const { consultation, previous, item, points, number, editable } = page;
  const reply = actionData && "reply" in actionData ? actionData.reply : null;
  const itemLabel = (i: { number: string | null; title: string }) =>
    i.number ? withData(t("consultations:agendaItem", { number: isolate(i.number) })) : <span lang="en">{i.title}</span>;
  return (
    <article className="revision">
      <p className="eyebrow">
        {t("round", { round: consultation.round })} · <Link to={paths.sideBySide(previous.id)}>{t("previousRound", { round: previous.round })}</Link>
      </p>
      <h1>{t("title", { number })}</h1>
      <p className="lead">{t("intro", { round: previous.round })}</p>
      <Notice tone={editable ? "info" : "success"} announce={false}>
        {editable ? t("draftNote") : t("circulatedNote")}
      </Notice>
      <Notice tone="success">{done ? t(`done.${done.intent}`) : null}</Notice>
      {reply && !reply.pointId ? <Notice tone="danger">{String(t(reply.error as never))}</Notice> : null}

      <section aria-labelledby="revision-documents" className="revision-documents">
        <h2 id="revision-documents">{t("downloads.title")}</h2>
        <ul className="actions">
          <li>
            <a href={paths.meetingExport(consultation.id, "revised-text.docx")} download>
              {t("downloads.tracked", { number })}
            </a>
          </li>
          <li>
            <a href={paths.meetingExport(consultation.id, "revised-text-clean.docx")} download>
              {t("downloads.clean", { number })}
            </a>
          </li>
        </ul>
      </section>

      <RevisionSummary summary={page.summary} deleted={page.deleted} number={number} />

      {page.items.length > 1 ? (
        <nav aria-label={t("items")} className="revision-items">
          <ul>
            {page.items.map((i) => (
              <li key={i.id}>
                <Link to={paths.revision(consultation.id, { item: i.number ?? i.id })} aria-current={i.id === item?.id ? "page" : undefined}>
                  {itemLabel(i)}{" "}
                  {i.number ? (
                    <span lang="en" dir="ltr">
                      {i.title}
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {item ? (
        <section aria-labelledby="revision-item-title">
          <h2 id="revision-item-title">
            {itemLabel(item)}{" "}
            {item.number ? (
              <span lang="en" dir="ltr">
                {item.title}
              </span>
            ) : null}
          </h2>
          {item.introduction ? (
            <p lang="en" dir="ltr">
              {item.introduction}
            </p>
          ) : null}
          {editable ? (
            <p>
              <Link to={paths.agenda(consultation.id)}>{t("edit.addPoint")}</Link>
            </p>
          ) : null}
          {points.map((point) => (
            <RevisedPoint
              key={point.id}
              point={point}
              number={number}
              editable={editable}
              mergeChoices={points.filter((other) => other.id !== point.id).map((other) => ({ id: other.id, label: other.label }))}
              reply={reply}
            />
          ))}
          <RevisionOthers comments={page.others} points={points} editable={editable} />
        </section>
      ) : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
