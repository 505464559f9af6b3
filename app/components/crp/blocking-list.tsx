import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";
import type { CrpMissing } from "~/documents/crp";
import { paths } from "~/lib/paths";

/** What a final compilation still lacks, each with where to fix it. */
export function BlockingList({ consultationId, missing, total }: { consultationId: string; missing: CrpMissing[]; total: number }) {
  const { t } = useTranslation("crp");
  if (!total) return <p className="crp-ready">{t("blocking.none")}</p>;
  return (
    <section className="crp-blocking" aria-labelledby="crp-blocking-title">
      <h3 id="crp-blocking-title">{t("blocking.title", { count: total })}</h3>
      <ul>
        {missing.map((m) =>
          m.kind === "translation" ? (
            <li key={m.commentId}>
              <Link to={paths.translation(consultationId, m.commentId)}>
                {withData(
                  t(`blocking.translation.${m.status}`, {
                    delegation: isolate(m.delegationName),
                    where: m.label ? `${m.agendaItem}, ${isolate(m.label)}` : m.agendaItem,
                    language: t(`languages.${m.language}`),
                  }),
                )}
              </Link>{" "}
              <span className="muted">({t(`blocking.kind.${m.commentKind}`)})</span>
            </li>
          ) : (
            <li key={m.field}>
              <Link to={paths.consultationEdit(consultationId)}>{t(`blocking.fact.${m.field}`)}</Link>
            </li>
          ),
        )}
      </ul>
      {total > missing.length ? <p>{t("blocking.more", { count: total - missing.length })}</p> : null}
    </section>
  );
}
