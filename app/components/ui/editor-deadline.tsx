// The delegation's deadline as the submission pages state it: "Deadline: …" in the meeting's zone
// and the reader's, or that none has been set.
import { useTranslation } from "~/i18n/use-translation";
import { Deadline } from "./deadline";

export function EditorDeadline({ deadline, meeting, reader }: { deadline: string | Date | null; meeting: string; reader: string | null }) {
  const { t } = useTranslation("submissions");
  return (
    <p>
      <strong>{t("editor.deadline")}</strong>{" "}
      {deadline ? <Deadline deadline={deadline} meetingTimeZone={meeting} readerTimeZone={reader} /> : t("editor.noDeadline")}
    </p>
  );
}
