// /account — one's own account: who one is, the password, and the sessions signed in with it.
// Pages under /account (two-factor sign-in) are separate routes: name them `account_.<name>.tsx`
// so that they do not nest inside this page.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ChangePasswordForm } from "~/components/account/change-password-form";
import { SessionsList } from "~/components/account/sessions-list";
import { TwoFactorSection } from "~/components/two-factor/two-factor-section";
import { Notice, useNotice } from "~/components/ui/notice";
import type { Language } from "~/i18n/languages";
import { ChangePasswordSchema } from "~/lib/account-forms";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { isUuid } from "~/lib/ids";
import { retryAfterMessage } from "~/lib/login-throttle";
import type { NoticeOf } from "~/lib/notices";
import { paths } from "~/lib/paths";
import { mustUseTwoFactor } from "~/lib/permissions";
import { changePassword, getAccountProfile, listOwnSessions, revokeOtherSessions, revokeSession } from "~/models/account.server";
import { getTwoFactorStatus } from "~/models/two-factor.server";
import { clientAddress, currentSessionId, requireUser } from "~/utils/auth.server";
import { readNotice, redirectWithNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("account:title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [profile, sessions, twoFactorStatus] = await Promise.all([
    getAccountProfile(user),
    listOwnSessions(user, await currentSessionId(request)),
    getTwoFactorStatus(user.id),
  ]);
  if (!profile) throw data({ reason: "not_found" }, { status: 404 });
  const twoFactor = {
    enabled: twoFactorStatus?.enabled ?? false,
    enabledAt: twoFactorStatus?.enabledAt ?? null,
    recoveryCodesLeft: twoFactorStatus?.recoveryCodesLeft ?? 0,
    required: mustUseTwoFactor(user),
  };
  // notice: left by the action's redirect, what the change did.
  return { profile, sessions, twoFactor, timeZone: user.timeZone ?? "UTC", notice: await readNotice(request, ["account.notice"]) };
}

// After a change, back to the page, which says once what happened (a reload repeats nothing).
type AccountNotice = NoticeOf<"account.notice">["notice"];
const done = (request: Request, notice: AccountNotice, count = 0) => redirectWithNotice(request, paths.account(), { kind: "account.notice", notice, count });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = await currentSessionId(request);
  if (!sessionId) throw redirect(paths.login());
  const ipAddress = clientAddress(context);
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "change-password") {
    const submission = parseWithZod(form, { schema: ChangePasswordSchema });
    const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
    if (submission.status !== "success") {
      return data({ result: submission.reply(hidden), retryAfter: null }, { status: 400 });
    }
    const result = await changePassword(user, {
      currentSessionId: sessionId,
      currentPassword: submission.value.currentPassword,
      newPassword: submission.value.newPassword,
      ipAddress,
    });
    if (!result.ok && result.reason === "throttled") {
      const message = retryAfterMessage(result.retryAfterSeconds);
      return data(
        { result: submission.reply({ formErrors: [message.key], ...hidden }), retryAfter: { count: message.count } },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    if (!result.ok) {
      return data(
        { result: submission.reply({ fieldErrors: { currentPassword: ["account:errors.currentPasswordWrong"] }, ...hidden }), retryAfter: null },
        { status: 400 },
      );
    }
    throw await done(request, "password-changed", result.sessionsEnded);
  }

  if (intent === "revoke-session") {
    const target = form.get("sessionId");
    if (typeof target !== "string" || !isUuid(target)) throw data({ reason: "bad_request" }, { status: 400 });
    const result = await revokeSession(user, { sessionId: target, currentSessionId: sessionId, ipAddress });
    // Someone else's session, or one already gone: the same answer, nothing learnt.
    if (!result.ok) throw await done(request, "session-gone");
    throw await done(request, "session-ended");
  }

  if (intent === "revoke-others") {
    const count = await revokeOtherSessions(user, { currentSessionId: sessionId, ipAddress });
    throw await done(request, "others-ended", count);
  }

  throw data({ reason: "bad_request" }, { status: 400 });
}

export default function AccountPage() {
  const { profile, sessions, twoFactor, timeZone, ...loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(["account", "common"]);
  const language = i18n.language as Language;
  const notice = useNotice(loaded.notice);
  return (
    <section className="account" aria-labelledby="account-title">
      <h1 id="account-title">{t("title")}</h1>
      {notice ? <Notice tone="success">{t(`notices.${notice.notice}`, { count: notice.count })}</Notice> : null}

      <dl className="facts account__facts">
        <div>
          <dt>{t("profile.name")}</dt>
          <dd>{profile.name}</dd>
        </div>
        <div>
          <dt>{t("profile.email")}</dt>
          <dd>
            <bdi dir="ltr">{profile.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("profile.role")}</dt>
          <dd>{t(`common:roles.${profile.role}`)}</dd>
        </div>
        {profile.delegation ? (
          <div>
            <dt>{t("profile.delegation")}</dt>
            <dd>{delegationName(profile.delegation, language)}</dd>
          </div>
        ) : null}
      </dl>

      <section className="panel account__section" aria-labelledby="account-password">
        <h2 id="account-password">{t("password.title")}</h2>
        <p className="muted">
          {profile.passwordChangedAt
            ? t("password.lastChanged", { date: formatInstant(profile.passwordChangedAt, language, timeZone) })
            : t("password.neverChanged")}
        </p>
        <ChangePasswordForm lastResult={actionData?.result} errorValues={actionData?.retryAfter ?? undefined} />
      </section>

      <TwoFactorSection twoFactor={twoFactor} timeZone={timeZone} />

      <section className="panel account__section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("sessions.title")}</h2>
        <p className="muted">{t("sessions.intro")}</p>
        <SessionsList sessions={sessions} timeZone={timeZone} />
      </section>
    </section>
  );
}
