import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton } from "~/components/ui/button";
import { Badge } from "~/components/ui/badge";
import { formatInstant } from "~/lib/dates";
import { summarizeUserAgent } from "~/lib/user-agent";

export type SessionRow = {
  id: string;
  createdAt: string | Date;
  lastSeenAt: string | Date;
  userAgent: string | null;
  ipAddress: string | null;
  current: boolean;
};

/**
 * The reader's live sessions: when each started and was last used, from where, in which browser.
 * The browser and the address are data (left to right, isolated) inside translated sentences.
 */
export function SessionsList({ sessions, timeZone }: { sessions: SessionRow[]; timeZone: string }) {
  const { t, i18n } = useTranslation("account");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const when = (instant: string | Date) => formatInstant(instant, i18n.language, timeZone);
  const others = sessions.filter((s) => !s.current).length;
  return (
    <>
      <ul className="account__sessions">
        {sessions.map((session) => {
          const { browser, system } = summarizeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="account__session" aria-current={session.current ? "true" : undefined}>
              <p className="account__device">
                {browser ? <bdi dir="ltr">{browser}</bdi> : t("sessions.unknownBrowser")}
                {system ? (
                  <>
                    {t("sessions.separator")}
                    <bdi dir="ltr">{system}</bdi>
                  </>
                ) : null}
                {session.current ? <Badge className="account__this-device">{t("sessions.thisDevice")}</Badge> : null}
              </p>
              <dl className="account__session-facts">
                <div>
                  <dt>{t("sessions.started")}</dt>
                  <dd>{when(session.createdAt)}</dd>
                </div>
                <div>
                  <dt>{t("sessions.lastSeen")}</dt>
                  <dd>{when(session.lastSeenAt)}</dd>
                </div>
                <div>
                  <dt>{t("sessions.address")}</dt>
                  <dd>{session.ipAddress ? <bdi dir="ltr">{session.ipAddress}</bdi> : t("sessions.unknownAddress")}</dd>
                </div>
              </dl>
              {session.userAgent ? (
                <details className="account__agent">
                  <summary>{t("sessions.userAgent")}</summary>
                  <code dir="ltr">{session.userAgent}</code>
                </details>
              ) : null}
              {session.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-session" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <SubmitButton variant="danger" size="small" pending={busy}>
                    {t("sessions.end")}
                  </SubmitButton>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <Form method="post" className="account__revoke-all">
          <input type="hidden" name="intent" value="revoke-others" />
          <SubmitButton variant="danger" pending={busy}>
            {t("sessions.endOthers")}
          </SubmitButton>
        </Form>
      ) : (
        <p className="muted">{t("sessions.noOthers")}</p>
      )}
    </>
  );
}
