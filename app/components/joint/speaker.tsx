// Who a submission speaks for, as the joint pages, receipts and revision views name it: the
// delegation, or "Egypt on behalf of the Group of African States" (app/lib/joint.ts).
import { useCallback } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { speakerInSentence, type Speaker, type Translate } from "~/lib/joint";

/** A function that gives a speaker's name for a translation's {{speaker}}, in the reader's language. */
export function useSpeakerName() {
  const { t, i18n } = useTranslation("submissions");
  const language = i18n.language as Language;
  return useCallback(
    (speaker: Speaker, options: { isolate?: boolean } = {}) => speakerInSentence(t as unknown as Translate, speaker, language, options),
    [t, language],
  );
}

/** The speaker's name on its own (a table cell, a fact). */
export function SpeakerName({ speaker }: { speaker: Speaker }) {
  const name = useSpeakerName();
  return <>{String(name(speaker))}</>;
}
