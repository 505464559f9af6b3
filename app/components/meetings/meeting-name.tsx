import { useTranslation } from "~/i18n/use-translation";
import { meetingNames, type MeetingNameSource } from "~/lib/meeting-names";

/**
 * The meeting's body (or venue) in the reader's language where the secretariat gave it, else in
 * English: isolated for direction and marked with the language it is in.
 */
export function MeetingName({ meeting, part = "body" }: { meeting: MeetingNameSource; part?: "body" | "venue" }) {
  const { i18n } = useTranslation();
  const name = meetingNames(meeting, i18n.language)[part];
  return <bdi lang={name.lang}>{name.text}</bdi>;
}
