// The emails every registered mission gets when the reflection period is closed, when the
// consultation's deadline is extended or changed, and when the secretariat reminds a mission
// that has not submitted. Each in the recipient's own language (locales/<lang>/consultations.json,
// "missionMail"), with instants written out as diplomatic mail writes them. Pure: data in, text out.
import { fixedTranslator } from "~/i18n/i18next";
import type { Language } from "~/i18n/languages";
import { intlLocale } from "~/lib/dates";
import { composeMessage, instantLines, type MissionMessageContext, type T } from "~/lib/mission-message";
import type { MessageText } from "~/lib/notification-text";
const translator = (language: Language): T => fixedTranslator(language, "consultations");

/**
 * The cities of the United Nations duty stations where meetings are held, as each language names
 * them in "<city> time" (Russian in the genitive: "по времени Вены"). A zone not listed is named
 * by the language's own long name for it.
 */
const DUTY_STATIONS: Record<string, Record<Language, string>> = {
  "Europe/Vienna": { ar: "فيينا", zh: "维也纳", en: "Vienna", fr: "Vienne", ru: "Вены", es: "Viena" },
  "America/New_York": { ar: "نيويورك", zh: "纽约", en: "New York", fr: "New York", ru: "Нью-Йорка", es: "Nueva York" },
  "Africa/Nairobi": { ar: "نيروبي", zh: "内罗毕", en: "Nairobi", fr: "Nairobi", ru: "Найроби", es: "Nairobi" },
  "Asia/Bangkok": { ar: "بانكوك", zh: "曼谷", en: "Bangkok", fr: "Bangkok", ru: "Бангкока", es: "Bangkok" },
  "Asia/Beirut": { ar: "بيروت", zh: "贝鲁特", en: "Beirut", fr: "Beyrouth", ru: "Бейрута", es: "Beirut" },
  "America/Santiago": { ar: "سانتياغو", zh: "圣地亚哥", en: "Santiago", fr: "Santiago", ru: "Сантьяго", es: "Santiago" },
  "Africa/Addis_Ababa": { ar: "أديس أبابا", zh: "亚的斯亚贝巴", en: "Addis Ababa", fr: "Addis-Abeba", ru: "Аддис-Абебы", es: "Addis Abeba" },
};

/** Arabic with Western digits, as in United Nations documents. */
const locale = (language: Language) => (language === "ar" ? "ar-u-nu-latn" : intlLocale(language));

/** The zone as the sentence names it: "Vienna time", "heure de Vienne", "UTC", else the zone's long name. */
function zoneText(t: T, instant: Date, language: Language, timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|Universal|Zulu)$/i.test(timeZone)) return t("missionMail.time.utc");
  const city = DUTY_STATIONS[timeZone]?.[language];
  if (city) return t("missionMail.time.zone", { city });
  const name =
    new Intl.DateTimeFormat(locale(language), { timeZone, timeZoneName: "long" })
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  return name;
}

/**
 * An instant written out in full, on the clock of `timeZone`: "18:00 (Vienna time) on Friday,
 * 14 August 2020", « vendredi 14 août 2020 à 18 h 00 (heure de Vienne) », "2020年8月14日（星期五）
 * 维也纳时间18:00". The weekday and month in words, the 24-hour clock, the zone by its city.
 */
export function diplomaticInstant(instant: Date | string, language: Language, timeZone: string): string {
  const t = translator(language);
  const at = new Date(instant);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(locale(language), {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  // Each language orders the parts itself (Chinese: 年月日 around bare numbers).
  const date = t("missionMail.time.date", { weekday: parts.weekday, day: parts.day, month: parts.month, year: parts.year });
  // French and Spanish write "9 h 00", "9.00 horas": no leading zero on the hour.
  const hour = language === "fr" || language === "es" ? String(Number(parts.hour)) : parts.hour;
  const time = t("missionMail.time.clock", { hour, minute: parts.minute });
  return t("missionMail.time.when", { date, time, zone: zoneText(t, at, language, timeZone) });
}

export type MissionMailContext = MissionMessageContext;

const timeLines = (t: T, ctx: MissionMailContext, key: string, instant: Date) => instantLines(t, ctx, "missionMail", key, instant, diplomaticInstant);
const compose = (t: T, ctx: MissionMailContext, subject: string, intro: string, middle: string[]) => composeMessage(t, ctx, "missionMail", subject, intro, middle);

/** Where the recipient's delegation stood when the message was written (closing, reminder). */
export type MissionStanding = "submitted" | "changedSinceSubmission" | "draftOnly" | "nothing";

export type ClosingMessageInput = MissionMailContext & {
  closedAt: Date;
  /** The deadline when the period was closed before it; null when it had passed (or there was none). */
  earlyBeforeDeadline: Date | null;
  /** The secretariat's reason (required when closing early). */
  reason: string | null;
  standing: MissionStanding;
};

/** Tells a mission that the reflection period is closed: when, whether early and why, and what became of its draft. */
export function closingMessage(input: ClosingMessageInput): MessageText {
  const t = translator(input.language);
  const middle = [
    ...timeLines(t, input, "missionMail.closed.at", input.closedAt),
    ...(input.earlyBeforeDeadline
      ? [t("missionMail.closed.early", { deadline: diplomaticInstant(input.earlyBeforeDeadline, input.language, input.meetingTimeZone) })]
      : []),
    ...(input.reason ? ["", t("missionMail.reason"), input.reason] : []),
    ...(input.standing === "draftOnly" || input.standing === "changedSinceSubmission"
      ? ["", t(`missionMail.closed.${input.standing}`, { delegation: input.delegationName })]
      : input.standing === "nothing"
        ? ["", t("missionMail.closed.nothing", { delegation: input.delegationName })]
        : []),
    "",
    t("missionMail.closed.late"),
  ];
  return compose(
    t,
    input,
    t("missionMail.closed.subject", { consultation: input.consultationTitle }),
    t("missionMail.closed.intro", { delegation: input.delegationName }),
    middle,
  );
}

export type DeadlineChangeMessageInput = MissionMailContext & {
  previous: Date | null;
  next: Date;
  /** The delegation's own extension when it is later than the new deadline (it still applies). */
  ownExtension: Date | null;
};

/** Tells a mission that the consultation's deadline moved: "extended" when later, "changed" otherwise. */
export function deadlineChangeMessage(input: DeadlineChangeMessageInput): MessageText {
  const t = translator(input.language);
  const kind = input.previous && input.next.getTime() > input.previous.getTime() ? "extended" : "changed";
  const middle = [
    ...timeLines(t, input, "missionMail.deadline.new", input.next),
    ...(input.previous
      ? [t("missionMail.deadline.previous", { time: diplomaticInstant(input.previous, input.language, input.meetingTimeZone) })]
      : []),
    ...(input.ownExtension
      ? ["", t("missionMail.deadline.ownExtension", { time: diplomaticInstant(input.ownExtension, input.language, input.meetingTimeZone) })]
      : []),
  ];
  return compose(
    t,
    input,
    t(`missionMail.deadline.${kind}Subject`, { consultation: input.consultationTitle }),
    t(`missionMail.deadline.${kind}Intro`, { delegation: input.delegationName }),
    middle,
  );
}

export type ReminderMessageInput = MissionMailContext & {
  /** The delegation's deadline (with its extension); null if the secretariat has removed it. */
  deadline: Date | null;
  standing: Exclude<MissionStanding, "submitted">;
};

/** Reminds a mission that has not submitted (or has unsubmitted changes) of the deadline. */
export function reminderMessage(input: ReminderMessageInput): MessageText {
  const t = translator(input.language);
  return compose(
    t,
    input,
    t("missionMail.reminder.subject", { consultation: input.consultationTitle }),
    t("missionMail.reminder.intro", { delegation: input.delegationName }),
    [
      t(`missionMail.reminder.${input.standing}`, { delegation: input.delegationName }),
      "",
      ...(input.deadline ? timeLines(t, input, "missionMail.reminder.deadline", input.deadline) : []),
      t("missionMail.reminder.languages"),
    ],
  );
}
