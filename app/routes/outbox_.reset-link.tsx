// POST /outbox/reset-link — without a mail server, the secretariat hands a pending password
// reset link to its owner: a fresh token is issued, shown once here, and the handover logged.
import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { handOverPasswordResetLink } from "~/models/password-reset.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import { isMailConfigured } from "~/utils/mailer.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("account:handover.title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

// Nothing to see without posting (the link exists only in the answer to the POST). The loader
// must not redirect: it also runs after the POST, and would take the link away.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, "secretariat");
  const messageId = (await request.formData()).get("messageId");
  if (typeof messageId !== "string" || !isUuid(messageId)) throw data({ reason: "bad_request" }, { status: 400 });
  const result = await handOverPasswordResetLink(officer, {
    messageId,
    ipAddress: clientAddress(context),
    mailConfigured: isMailConfigured(),
  });
  if (!result.ok) {
    if (result.reason === "forbidden") throw data({ reason: "forbidden" }, { status: 403 });
    return data({ ok: false as const, reason: result.reason }, { status: result.reason === "not_found" ? 404 : 409 });
  }
  return { ok: true as const, link: result.link, email: result.email };
}

export default function ResetLinkPage() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  return (
    <section className="narrow" aria-labelledby="handover-title">
      <h1 id="handover-title">{t("handover.title")}</h1>
      {result?.ok ? (
        <>
          <p>
            {t("handover.for")} <bdi dir="ltr">{result.email}</bdi>
          </p>
          <p className="account__link">
            <code dir="ltr">{result.link}</code>
          </p>
          <p className="note">{t("handover.once")}</p>
        </>
      ) : result ? (
        <p role="alert">{t(`handover.errors.${result.reason}`)}</p>
      ) : null}
      <p>
        <Link to={paths.outbox()}>{t("handover.back")}</Link>
      </p>
    </section>
  );
}
