// A mission's people as the mission page (its focal point's) and the registrations page (the
// secretariat's) list them: the columns of its delegate accounts and of its invitations, and the
// options of the language an invitation's email is written in.
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGES, type Language } from "~/i18n/languages";

const nativeName = (code: Language) => LANGUAGES.find((l) => l.code === code)?.nativeName ?? code;

/** Each column by its name; the actions column's heading. */
export function usePeopleColumns() {
  const { t } = useTranslation("registrations");
  return {
    name: { label: t("delegates.columns.name"), cell: (p: { name: string | null }) => <span dir="auto">{p.name ?? "—"}</span> },
    email: {
      label: t("delegates.columns.email"),
      props: { className: "registrations__email" },
      cell: (p: { email: string }) => <bdi dir="ltr">{p.email}</bdi>,
    },
    language: {
      label: t("delegates.columns.language"),
      props: (p: { language: Language }) => ({ lang: p.language }),
      cell: (p: { language: Language }) => nativeName(p.language),
    },
    status: {
      label: t("delegates.columns.status"),
      cell: (p: { disabledAt: Date | string | null }) => (p.disabledAt ? t("delegates.account.disabled") : t("delegates.account.active")),
    },
    sent: { label: t("delegates.columns.sent"), time: (i: { createdAt: Date | string }) => i.createdAt },
    expires: { label: t("delegates.columns.expires"), time: (i: { expiresAt: Date | string }) => i.expiresAt },
    actions: t("delegates.columns.actions"),
  };
}

/** The six languages, each in its own name. */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.nativeName}
        </option>
      ))}
    </>
  );
}
