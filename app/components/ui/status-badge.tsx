import { useTranslation } from "~/i18n/use-translation";
import { Badge, type BadgeTone } from "~/components/ui/badge";

export type { ConsultationStatus } from "~/lib/consultation-status";
import type { ConsultationStatus } from "~/lib/consultation-status";

// A consultation's status as a Badge: its tone, and its own class (badge--open…) that the tests
// and a closed consultation's grey keep.
const TONE: Record<ConsultationStatus, BadgeTone> = { draft: "warning", open: "success", closed: "neutral", compiled: "info" };

export function StatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation("consultations");
  return (
    <Badge tone={TONE[status]} className={`badge--${status}`}>
      {t(`status.${status}`)}
    </Badge>
  );
}
