import { useTranslation } from "~/i18n/use-translation";

/** Every translation is labelled unofficial; a machine-assisted one says so too. */
export function TranslationLabels({ machineAssisted }: { machineAssisted: boolean }) {
  const { t } = useTranslation("translations");
  return (
    <p className="translation-labels">
      <span className="badge translation-label--unofficial">{t("labels.unofficial")}</span>
      {machineAssisted ? <span className="badge desk-machine">{t("labels.machineAssisted")}</span> : null}
    </p>
  );
}
