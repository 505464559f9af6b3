// The facts of the comment being translated: delegation, where it sits on the agenda, its kind and
// language, and where its translation stands (translator, last save, marked final).
import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";
import { Badge } from "~/components/ui/badge";
import type { Language } from "~/i18n/languages";
import type { TranslationForEditing } from "~/models/translation.server";

type Page = TranslationForEditing;

/** "Agenda item 2, point (c)" in the reader's language. */
function useWhere(page: Pick<Page, "agendaItem" | "point" | "comment">) {
  const { t } = useTranslation(["translations", "consultations"]);
  // Numbers and labels marked as data (isolate), shown with withData.
  const item = page.agendaItem.number ? t("consultations:agendaItem", { number: isolate(page.agendaItem.number) }) : t("consultations:generalSection");
  const detail = page.point
    ? t("where.point", { label: isolate(page.point.label) })
    : page.comment.kind === "new_proposal"
      ? t("where.proposal", { label: isolate(page.comment.label ?? "") })
      : t("where.general");
  return `${item}, ${detail}`;
}

export function TranslationFacts({
  page,
  name,
  originalName,
  at,
}: {
  page: Page;
  /** The delegation's name in the reader's language. */
  name: string;
  /** The name of the original's language. */
  originalName: string;
  at: (instant: Date | string) => string;
}) {
  const { t, i18n } = useTranslation("translations");
  const language = i18n.language as Language;
  const where = useWhere(page);
  return (
    <section className="panel" aria-labelledby="translation-facts-title">
      <h2 id="translation-facts-title" className="visually-hidden">
        {t("editor.facts.title")}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t("editor.facts.delegation")}</dt>
          <dd>
            {name}
            {language !== "en" && name !== page.delegation.nameEn ? (
              <span lang="en" dir="ltr" className="muted">
                {" "}
                ({page.delegation.nameEn})
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("editor.facts.where")}</dt>
          <dd>
            {withData(where)}
            <span className="agenda-item__title" lang="en" dir="ltr">
              {" "}
              — {page.agendaItem.title}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("editor.facts.kind")}</dt>
          <dd>{t(`kind.${page.comment.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("editor.facts.language")}</dt>
          <dd>{originalName}</dd>
        </div>
        <div>
          <dt>{t("editor.facts.status")}</dt>
          <dd>
            <Badge className={`desk-status desk-status--${page.status}`}>{t(`status.${page.status}`)}</Badge>
          </dd>
        </div>
        {page.translation ? (
          <>
            <div>
              <dt>{t("editor.facts.translator")}</dt>
              <dd>{page.translation.translatorName ?? t("desk.table.none")}</dd>
            </div>
            <div>
              <dt>{t("editor.facts.updated")}</dt>
              <dd>
                <time dateTime={new Date(page.translation.updatedAt).toISOString()}>{at(page.translation.updatedAt)}</time>
              </dd>
            </div>
            {page.translation.finalizedAt ? (
              <div>
                <dt>{t("editor.facts.finalized")}</dt>
                <dd>
                  <time dateTime={new Date(page.translation.finalizedAt).toISOString()}>{at(page.translation.finalizedAt)}</time>
                  {page.translation.finalizedByName ? ` · ${page.translation.finalizedByName}` : null}
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
    </section>
  );
}
