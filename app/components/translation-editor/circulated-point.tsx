import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";

/** The circulated wording of the point the comment addresses, in English, above the comment. */
export function CirculatedPoint({ point }: { point: { label: string; text: string } }) {
  const { t } = useTranslation("translations");
  return (
    <section className="panel translation-editor__point" aria-labelledby="point-title">
      <h2 id="point-title">{withData(t("editor.point", { label: isolate(point.label) }))}</h2>
      <p className="muted">{t("editor.pointNote")}</p>
      <p className="translation-editor__point-text" lang="en" dir="ltr">
        {point.text}
      </p>
    </section>
  );
}
