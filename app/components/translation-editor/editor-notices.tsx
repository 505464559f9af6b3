// What the translation editor says above the form: a translation just saved, a comment replaced by
// a newer revision, and the machine suggestion (filled in, or why there is none).
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Notice } from "~/components/ui/notice";

/** After saving: what was saved, and the next comment still to translate. */
export function SavedNotice({ saved, nextHref }: { saved: "draft" | "final"; nextHref: string | null }) {
  const { t } = useTranslation("translations");
  return (
    <Notice as="div" tone="success">
      <p>{t(`editor.saved.${saved}`)}</p>
      <p>{nextHref ? <Link to={nextHref}>{t("editor.next")}</Link> : t("editor.noNext")}</p>
    </Notice>
  );
}

/** The delegation has sent a newer revision: this comment is no longer the one to translate. */
export function SupersededNotice({ currentHref }: { currentHref: string | null }) {
  const { t } = useTranslation("translations");
  return (
    <section className="translation-editor__warning" role="alert" aria-labelledby="superseded-title">
      <h2 id="superseded-title">{t("editor.superseded.title")}</h2>
      <p>{t("editor.superseded.body")}</p>
      {currentHref ? (
        <p>
          <Link to={currentHref}>{t("editor.superseded.link")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The machine suggestion filled the fields (unsaved), or the provider gave none. */
export function MachineNotice({ suggested, error }: { suggested: boolean; error: string | undefined }) {
  const { t } = useTranslation("translations");
  return (
    <>
      {suggested ? <Notice tone="success">{t("editor.machine.suggested")}</Notice> : null}
      {error ? (
        <p className="form-errors" role="alert">
          {t(`editor.machine.errors.${error as "off"}`)}
        </p>
      ) : null}
    </>
  );
}
