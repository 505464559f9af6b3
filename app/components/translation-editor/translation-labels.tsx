import { useTranslation } from "~/i18n/use-translation";
import { Badge } from "~/components/ui/badge";

/** Every translation is labelled unofficial; a machine-assisted one says so too. */
export function TranslationLabels({ machineAssisted }: { machineAssisted: boolean }) {
  const { t } = useTranslation("translations");
  return (
    <p className="translation-labels">
      <Badge className="translation-label--unofficial">{t("labels.unofficial")}</Badge>
      {machineAssisted ? <Badge className="desk-machine">{t("labels.machineAssisted")}</Badge> : null}
    </p>
  );
}
