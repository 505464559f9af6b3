import { TableShell } from "~/components/ui/table-shell";
import type { Language } from "~/i18n/languages";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import { DISPOSITIONS, type DispositionCounts } from "~/lib/dispositions";
import type { Translate } from "./labels";

/**
 * What became of each delegation's comments on the agenda item (or the point shown): one row per
 * delegation, a column per disposition and one for those not decided yet. Folded by default: the
 * chair opens it to see who is left, or to answer a delegation that asks.
 */
export function DispositionTable({
  rows,
  language,
  t,
}: {
  rows: { delegation: DelegationNames & { code: string }; counts: DispositionCounts }[];
  language: Language;
  t: Translate;
}) {
  if (rows.length === 0) return null;
  const columns = [...DISPOSITIONS, "none"] as const;
  return (
    <details className="sbs-aside sbs-disposition-table">
      <summary>{t("disposition.byDelegation")}</summary>
      <TableShell caption={t("disposition.byDelegation")} captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("filters.delegation")}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className="sbs-count">
                {column === "none" ? t("filters.noDisposition") : t(`dispositions.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.delegation.code}>
              <th scope="row">{delegationName(row.delegation, language)}</th>
              {columns.map((column) => (
                <td key={column} className="sbs-count">
                  {row.counts[column] || ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableShell>
    </details>
  );
}
