import { useTranslation } from "react-i18next";

export type ConsultationStatus = "draft" | "open" | "closed" | "compiled";

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation("consultations");
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}
