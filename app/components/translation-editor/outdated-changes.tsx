import { useTranslation } from "~/i18n/use-translation";
import { Redline } from "~/components/ui/redline";
import type { Language } from "~/i18n/languages";
import type { FieldChange } from "~/lib/translation-segments";

/** The original changed since it was translated: what changed, as a redline per field. */
export function OutdatedChanges({
  changes,
  bodyLanguage,
  proposedLanguage,
}: {
  changes: { body: FieldChange; proposedText: FieldChange };
  bodyLanguage: Language;
  proposedLanguage: Language;
}) {
  const { t } = useTranslation("translations");
  return (
    <section className="translation-editor__outdated" aria-labelledby="outdated-title">
      <h2 id="outdated-title">{t("editor.outdated.title")}</h2>
      <p>{t("editor.outdated.intro")}</p>
      {changes.body ? (
        <>
          <h3>{t("editor.outdated.body")}</h3>
          <Redline segments={changes.body} lang={bodyLanguage} />
        </>
      ) : null}
      {changes.proposedText ? (
        <>
          <h3>{t("editor.outdated.proposed")}</h3>
          <Redline segments={changes.proposedText} lang={proposedLanguage} />
        </>
      ) : null}
    </section>
  );
}
