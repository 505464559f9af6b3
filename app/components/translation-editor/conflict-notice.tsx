import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";
import { Button } from "~/components/ui/button";
import type { TheirTranslation } from "~/models/translation.server";

/** Another officer saved first: their text, and a way to take it instead of one's own. */
export function ConflictNotice({
  conflict,
  hasProposed,
  at,
  reloadTo,
}: {
  conflict: TheirTranslation;
  hasProposed: boolean;
  at: (instant: Date | string) => string;
  reloadTo: string;
}) {
  const { t } = useTranslation("translations");
  return (
    <section className="translation-editor__conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t("editor.conflict.title")}</h2>
      <p>
        {withData(
          t("editor.conflict.intro", {
            name: conflict.translatorName ? isolate(conflict.translatorName) : t("editor.conflict.someone"),
            version: conflict.version,
            time: at(conflict.updatedAt),
          }),
        )}
      </p>
      <h3>{t("editor.conflict.theirs")}</h3>
      <div className="translation-editor__theirs" lang="en" dir="ltr">
        {conflict.body}
      </div>
      {hasProposed ? (
        <>
          <h3>{t("editor.conflict.theirsProposed")}</h3>
          <div className="translation-editor__theirs" lang="en" dir="ltr">
            {conflict.proposedText}
          </div>
        </>
      ) : null}
      <p>
        {/* Reloading the page shows their translation in the fields. */}
        <Button to={reloadTo} variant="secondary">
          {t("editor.conflict.takeTheirs")}
        </Button>
      </p>
    </section>
  );
}
