import { useTranslation } from "~/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import { TableShell } from "~/components/ui/table-shell";
import { CRP_FORMATS } from "~/lib/crp-files";
import { formatInstant } from "~/lib/dates";
import { paths } from "~/lib/paths";
import type { CrpVersionSummary } from "~/models/crp.server";

/** Every compiled version: who, when, whether the data changed since, and its four downloads. */
export function VersionsTable({
  consultationId,
  versions,
  language,
  timeZone,
}: {
  consultationId: string;
  versions: (Omit<CrpVersionSummary, "createdAt"> & { createdAt: string | Date })[];
  language: string;
  timeZone: string;
}) {
  const { t } = useTranslation("crp");
  return (
    <TableShell caption={t("versions.title")} captionHidden tableClassName="crp-versions">
      <thead>
        <tr>
          <th scope="col">{t("versions.version")}</th>
          <th scope="col">{t("versions.status")}</th>
          <th scope="col">{t("versions.by")}</th>
          <th scope="col">{t("versions.at")}</th>
          <th scope="col">{t("versions.data")}</th>
          <th scope="col">{t("versions.downloads")}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.versionNumber}>
            <th scope="row">{v.versionNumber}</th>
            <td>
              <Badge className={`crp-status crp-status--${v.status}`}>{t(`versions.statuses.${v.status}`)}</Badge>
            </td>
            <td>{v.createdBy ?? "—"}</td>
            <td>{formatInstant(v.createdAt, language, timeZone)}</td>
            <td>{v.changedSince ? <strong>{t("versions.changed")}</strong> : t("versions.unchanged")}</td>
            <td>
              <ul className="crp-downloads">
                {CRP_FORMATS.map((format) => (
                  <li key={format}>
                    <a href={paths.crpFile(consultationId, v.versionNumber, format)} download={format === "html" ? undefined : ""}>
                      {t(`versions.formats.${format}`)}
                      <span className="visually-hidden"> {t("versions.ofVersion", { version: v.versionNumber })}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
}
