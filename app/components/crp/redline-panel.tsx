import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Redline } from "~/components/ui/redline";
import { Button } from "~/components/ui/button";
import { VersionSelect } from "~/components/ui/version-select";
import { paragraphRedlineStats } from "~/lib/paragraph-redline";
import type { CrpRedline } from "~/models/crp.server";

type VersionOption = { versionNumber: number; status: "draft" | "final" };

/** Any two versions compared paragraph by paragraph (by default the latest against the one before). */
export function RedlinePanel({ versions, redline, asked }: { versions: VersionOption[]; redline: CrpRedline | null; asked: boolean }) {
  const { t, i18n } = useTranslation("crp");
  const stats = redline ? paragraphRedlineStats(redline.rows) : null;
  const choices = versions.map((v) => ({
    number: v.versionNumber,
    label: t("redline.option", { version: v.versionNumber, status: t(`versions.statuses.${v.status}`) }),
  }));
  return (
    <section aria-labelledby="redline-title" className="panel">
      <h2 id="redline-title">{t("redline.title")}</h2>
      <Form method="get" className="compare-form">
        <VersionSelect id="crp-from" name="from" label={t("redline.from")} value={redline?.from ?? versions[1]!.versionNumber} versions={choices} />
        <VersionSelect id="crp-to" name="to" label={t("redline.to")} value={redline?.to ?? versions[0]!.versionNumber} versions={choices} />
        <Button type="submit" variant="secondary">
          {t("redline.show")}
        </Button>
      </Form>
      {redline && stats ? (
        <>
          <p className="muted" role="status">
            {t("redline.stats", { from: redline.from, to: redline.to, changed: stats.changed, inserted: stats.inserted, deleted: stats.deleted })}
          </p>
          <div className="crp-redline redline-box" lang="en" dir="ltr">
            {redline.rows.map((row, index) =>
              row.kind === "skip" ? (
                <p key={index} className="crp-redline__skip" lang={i18n.language} dir={i18n.dir()}>
                  {t("redline.skipped", { count: row.count })}
                </p>
              ) : (
                // Headings keep their weight, not their Markdown marks; they are not page headings.
                <div key={index} className={`crp-redline__row crp-redline__row--${row.kind} crp-redline__block--${row.style ?? "paragraph"}`}>
                  <Redline segments={row.segments} />
                </div>
              ),
            )}
          </div>
        </>
      ) : asked ? (
        <p className="form-errors" role="alert">
          {t("redline.notFound")}
        </p>
      ) : null}
    </section>
  );
}
