import type { Translate } from "~/components/side-by-side/labels";
import { paths } from "~/lib/paths";

/**
 * The view as files for the meeting room: the same query as the page (agenda item and filters),
 * so the download says what the reader sees. Plain links: the server sends the files.
 */
export function ExportLinks({ consultationId, search, t }: { consultationId: string; search: string; t: Translate }) {
  return (
    <p className="sbs-exports">
      {t("consolidation:exports.heading")}{" "}
      <a href={paths.meetingExport(consultationId, "side-by-side.docx", search)} download>
        {t("consolidation:exports.word")}
      </a>
      {" · "}
      <a href={paths.meetingExport(consultationId, "side-by-side.xlsx", search)} download>
        {t("consolidation:exports.excel")}
      </a>
      {/* The whole consultation, every comment with its disposition: not narrowed by the view's filters. */}
      {" · "}
      {t("consolidation:exports.resolution.title")}{" "}
      <a href={paths.meetingExport(consultationId, "comment-resolution.docx")} download>
        {t("consolidation:exports.resolution.word")}
      </a>
      {" · "}
      <a href={paths.meetingExport(consultationId, "comment-resolution.xlsx")} download>
        {t("consolidation:exports.resolution.excel")}
      </a>
      {/* The same table back from Excel, with the dispositions entered in it. */}
      {" · "}
      <a href={paths.dispositionImport(consultationId)}>{t("consolidation:dispositionImport.link")}</a>
      {" · "}
      <a href={paths.meetingExport(consultationId, "compilation-text.docx")} download>
        {t("consolidation:exports.compilation.download")}
      </a>
    </p>
  );
}
