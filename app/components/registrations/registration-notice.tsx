// What the last action on the registrations page did, in a sentence: delegations registered or
// removed, a participation changed, an invitation sent, sent again or withdrawn, a mission's focal
// point named or its limit set. Not announced by itself: it sits in the page's live region
// (registration-messages.tsx).
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isolate, withData } from "~/components/ui/data-text";
import { Notice } from "~/components/ui/notice";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, nameInSentence, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import { DEFAULT_DELEGATE_LIMIT } from "~/lib/focal-point";
import { paths } from "~/lib/paths";
import { listOfNames } from "~/lib/registered-delegations";
import type { Notice as RegistrationDone } from "~/lib/registration-forms";

type Delegation = DelegationNames & DelegationArticles & { id: string; code: string };

export function RegistrationNotice({
  notice,
  byCode,
  byId,
  timeZone,
  consultationId,
}: {
  notice: RegistrationDone;
  byCode: Map<string, Delegation>;
  byId: Map<string, Delegation>;
  /** The meeting's zone, in which the consultation states its deadlines. */
  timeZone: string;
  consultationId: string;
}) {
  const { t, i18n } = useTranslation("registrations");
  const language = i18n.language as Language;
  const date = (value: Date | string) => formatInstant(value, i18n.language, timeZone);
  const list = (codes: string[]) =>
    listOfNames(
      codes.map((code) => {
        const d = byCode.get(code);
        return d ? delegationName(d, language) : code;
      }),
      language,
    );
  // "L’inscription du Pérou a été retirée": the name with its article, isolated for direction.
  const removed = (code: string) => {
    const d = byCode.get(code);
    return d ? nameInSentence(d, language, { isolate: true }) : isolate(code);
  };
  const nameOfId = (id: string) => {
    const d = byId.get(id);
    return d ? delegationName(d, language) : "";
  };
  switch (notice.kind) {
    case "registered":
      return (
        <Notice as="div" tone="success" announce={false}>
          {notice.added.length ? <p>{withData(t("notices.registered", { names: isolate(list(notice.added)) }))}</p> : null}
          {notice.alreadyRegistered.length ? <p>{withData(t("notices.alreadyRegistered", { names: isolate(list(notice.alreadyRegistered)) }))}</p> : null}
        </Notice>
      );
    case "removed":
      return (
        <Notice tone="success" announce={false}>
          {withData(t("notices.removed", { delegation: removed(notice.code) }))}
        </Notice>
      );
    case "participationChanged":
      return (
        <Notice tone="success" announce={false}>
          {withData(
            t("notices.participationChanged", {
              delegation: isolate(nameOfId(notice.delegationId)),
              participation: t(`participation.${notice.participation}`),
            }),
          )}
        </Notice>
      );
    // Without a mail server nothing was sent: say where the message waits, not that it went.
    case "invited":
      return (
        <Notice tone="success" announce={false}>
          {withData(t(notice.queued ? "notices.invitedQueued" : "notices.invited", { email: isolate(notice.email), date: date(notice.expiresAt) }))}
          {notice.queued ? <OutboxLink consultationId={consultationId} /> : null}
          {notice.link ? <LinkOnce link={notice.link} /> : null}
        </Notice>
      );
    case "resent":
      return (
        <Notice tone="success" announce={false}>
          {withData(t(notice.queued ? "notices.resentQueued" : "notices.resent", { email: isolate(notice.email) }))}
          {notice.queued ? <OutboxLink consultationId={consultationId} /> : null}
          {notice.link ? <LinkOnce link={notice.link} /> : null}
        </Notice>
      );
    case "revoked":
      return (
        <Notice tone="success" announce={false}>
          {withData(t("notices.revoked", { email: isolate(notice.email) }))}
        </Notice>
      );
    case "focalPointSet":
      return (
        <Notice tone="success" announce={false}>
          {notice.name ? withData(t("focalPoint.notices.named", { name: isolate(notice.name) })) : t("focalPoint.notices.none")}
        </Notice>
      );
    case "delegateLimitSet":
      return (
        <Notice tone="success" announce={false}>
          {notice.limit === null
            ? t("focalPoint.notices.defaultLimit", { limit: DEFAULT_DELEGATE_LIMIT })
            : t("focalPoint.notices.limit", { limit: notice.limit })}
        </Notice>
      );
  }
}

// Without a mail server the officer hands the link over; the outbox keeps it hidden, so this is the only time it shows.
function LinkOnce({ link }: { link: string }) {
  const { t } = useTranslation("registrations");
  return (
    <span className="notice__link">
      {" "}
      {t("notices.linkOnce")} <code dir="ltr">{link}</code>
    </span>
  );
}

function OutboxLink({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation("registrations");
  return (
    <>
      {" "}
      <Link to={paths.outbox({ consultation: consultationId })}>{t("notices.outboxLink")}</Link>
    </>
  );
}
