import { useTranslation } from "~/i18n/use-translation";

export type { ConsultationStatus } from "~/lib/consultation-status";
import type { ConsultationStatus } from "~/lib/consultation-status";

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation("consultations");
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
