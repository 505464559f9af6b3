import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import type { MatrixCell } from "~/lib/consolidation";
import { CELL_CLASS, columnHrefs, matrixRowHtml } from "~/lib/matrix-rows";
import { paths } from "~/lib/paths";
import { getMatrix } from "~/models/consolidation.server";
import { requireRole } from "~/utils/auth.server";
import { resolveLanguage } from "~/utils/i18n.server";
import stylesheet from "~/styles/consolidation.css?url";
import { isolate, withData } from "~/components/ui/data-text";
import { SelectField } from "~/components/ui/field";
import { FilterForm } from "~/components/ui/filter-form";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consolidation:matrix.title") };

function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "secretariat", "chair");
  if (!isUuid(params.consultationId)) notFound();
  const readerLanguage = await resolveLanguage(request, user.language);
  const order = new URL(request.url).searchParams.get("order") === "reader" ? "reader" : "en";
  const matrix = await getMatrix(user, params.consultationId, { order, readerLanguage });
  if (!matrix) notFound();
  return {
    consultation: matrix.consultation,
    groups: matrix.groups,
    points: matrix.points,
    // Only what the table shows: the name in the reader's language, the code for links.
    rows: matrix.rows.map((r) => ({
      code: r.delegation.code,
      name: delegationName(r.delegation, readerLanguage),
      cells: r.cells,
      count: r.count,
      through: r.through,
    })),
    totals: matrix.totals,
    order,
    readerLanguage,
  };
}

export default function MatrixPage() {
  const { consultation, groups, points, rows, totals, order, readerLanguage } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["consolidation", "consultations", "common"]);
  // Each point's link, up to the delegation's code, computed once per column.
  const hrefs = columnHrefs(groups);
  const hidden: Record<MatrixCell, string> = {
    commented: t("matrix.legend.commented"),
    amended: t("matrix.legend.amended"),
    both: t("matrix.legend.both"),
    joint: t("matrix.legend.joint"),
    aligned: t("matrix.legend.aligned"),
    none: t("matrix.legend.none"),
  };
  const throughWords = t("matrix.throughCount");
  // Issue 19: the marks and counts of points addressed through others only when a submission speaks for someone.
  const spoken = totals.represented > 0 || rows.some((r) => r.through > 0);
  const itemLabel = (g: { number: string | null }) =>
    g.number ? withData(t("consultations:agendaItem", { number: isolate(g.number) })) : t("sideBySide.generalSection");
  return (
    <article className="consolidation matrix-page">
      <p className="eyebrow">
        <Link to={paths.sideBySide(consultation.id)}>{t("matrix.toSideBySide")}</Link>
      </p>
      <h1>{t("matrix.title")}</h1>
      <p className="lead">{t("matrix.lead")}</p>
      <p className="sbs-exports">
        {t("exports.heading")}{" "}
        <a href={paths.meetingExport(consultation.id, "matrix.xlsx", order === "reader" ? "?order=reader" : "")} download>
          {t("exports.matrixExcel")}
        </a>
      </p>
      {/* Only the order to choose, and only where the reader's language gives a second one. */}
      {readerLanguage !== "en" ? (
        <FilterForm id="matrix-order" className="matrix-order" apply={t("matrix.applyOrder")}>
          <SelectField
            id="matrix-order-select"
            name="order"
            label={t("filters.order")}
            value={order}
            choices={[
              { value: "en", label: t("filters.orderEn") },
              { value: "reader", label: t("filters.orderReader", { language: t(`common:languageNames.${readerLanguage as Language}`) }) },
            ]}
          />
        </FilterForm>
      ) : null}

      <section aria-labelledby="matrix-legend-title" className="matrix-legend">
        <h2 id="matrix-legend-title">{t("matrix.legend.title")}</h2>
        <ul>
          {(spoken ? (["commented", "amended", "both", "joint", "aligned", "none"] as const) : (["commented", "amended", "both", "none"] as const)).map(
            (cell) => (
              <li key={cell}>
                <span className={`matrix-symbol matrix-symbol--${CELL_CLASS[cell]}`} aria-hidden="true" /> {hidden[cell]}
              </li>
            ),
          )}
        </ul>
        <p>{t("matrix.responding", { responding: totals.responding, delegations: totals.delegations })}</p>
        {spoken ? <p>{t("matrix.represented", { represented: totals.represented })}</p> : null}
      </section>

      {points.length === 0 ? (
        <p className="empty">{t("matrix.noPoints")}</p>
      ) : rows.length === 0 ? (
        <p className="empty">{t("matrix.noDelegations")}</p>
      ) : (
        <div className="matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
          <table className="mx">
            <caption id="matrix-caption">{t("matrix.caption", { delegations: totals.delegations, points: totals.points })}</caption>
            <colgroup>
              <col />
            </colgroup>
            {groups.map((g) => (
              <colgroup key={g.id} span={g.points.length} />
            ))}
            <colgroup>
              <col />
            </colgroup>
            <thead>
              <tr>
                <td rowSpan={2} className="mx-corner" />
                {groups.map((g) => (
                  <th key={g.id} scope="colgroup" colSpan={g.points.length} className="mx-item">
                    {itemLabel(g)}
                  </th>
                ))}
                <th rowSpan={2} scope="col" className="mx-count" title={t("matrix.countTitle")}>
                  {t("matrix.count")}
                </th>
              </tr>
              <tr>
                {points.map((p) => (
                  <th key={p.id} scope="col" className="mx-point" dir="ltr">
                    {p.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                // One string per row: 12,000 cells as React elements would be most of the page's work.
                <tr key={row.code} dangerouslySetInnerHTML={{ __html: matrixRowHtml(row, hrefs, hidden, throughWords) }} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("matrix.countRow")}</th>
                {points.map((p) => (
                  <td key={p.id}>{p.any}</td>
                ))}
                <td className="mx-count">{totals.responding}</td>
              </tr>
              {spoken ? (
                <tr className="mx-through-row">
                  <th scope="row">{t("matrix.countThroughRow")}</th>
                  {points.map((p) => (
                    <td key={p.id}>{p.joint + p.aligned}</td>
                  ))}
                  <td className="mx-count">{totals.represented}</td>
                </tr>
              ) : null}
            </tfoot>
          </table>
        </div>
      )}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
