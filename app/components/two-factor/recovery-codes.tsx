import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** The new recovery codes, shown this once: only their hashes are kept. */
export function RecoveryCodes({ codes, children }: { codes: string[]; children?: ReactNode }) {
  const { t } = useTranslation("auth");
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t("twoFactor.recovery.title")}</h2>
      <p>{t("twoFactor.recovery.intro", { count: codes.length })}</p>
      <p className="note">{t("twoFactor.recovery.once")}</p>
      <ol className="recovery-codes__list" dir="ltr">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
