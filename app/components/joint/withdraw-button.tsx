// "Withdraw" from another delegation's submission (a co-sponsorship, an alignment), asked first in
// the page's words ("Withdraw your alignment with …?") and naming the speaker for a screen reader
// that reads the button alone. A submit button of the row's form (intent "withdraw").
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { withData } from "~/components/ui/data-text";
import { ActionLabel } from "~/components/ui/post-form";
import { useTranslation } from "~/i18n/use-translation";
import type { Speaker } from "~/lib/joint";
import { SpeakerName, useSpeakerName } from "./speaker";

const KEYS = {
  cosponsor: { label: "joint.invitations.withdraw", question: "joint.invitations.withdrawQuestion" },
  alignment: { label: "alignment.withdraw", question: "alignment.withdrawQuestion" },
} as const;

export function WithdrawButton({ from, speaker }: { from: keyof typeof KEYS; speaker: Speaker }) {
  const { t } = useTranslation("submissions");
  const speakerName = useSpeakerName();
  const keys = KEYS[from];
  return (
    <ConfirmDialog
      name="intent"
      value="withdraw"
      size="small"
      message={withData(t(keys.question, { speaker: speakerName(speaker, { isolate: true }) }))}
      confirmLabel={t(keys.label)}
    >
      <ActionLabel label={t(keys.label)} row={<SpeakerName speaker={speaker} />} />
    </ConfirmDialog>
  );
}
