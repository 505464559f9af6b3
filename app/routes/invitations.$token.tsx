import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { isolate, withData } from "~/components/ui/data-text";
import { SubmitButton } from "~/components/ui/button";
import { LANGUAGES, type Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import { AcceptInvitationSchema } from "~/lib/invitation-form";
import { timeZoneChoices } from "~/lib/invitation-rules";
import { paths } from "~/lib/paths";
import { currentTimeZone } from "~/lib/time-zones";
import { acceptInvitation, findInvitationByToken } from "~/models/invitation.server";
import { clientAddress, getOptionalUser, signIn } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import registrationsStylesheet from "~/styles/registrations.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: registrationsStylesheet }];

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data) => (data.state === "valid" ? t("registrations:accept.title") : t(`registrations:invalid.${data.state}.title`)),
};

// The token is in the address: never send it on to another site in a Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer" });

type InvalidState = "unknown" | "expired" | "used" | "revoked" | "unavailable";

const invalid = (state: InvalidState) => data({ state, invitation: null, timeZones: [], signedInAs: null }, { status: state === "unknown" ? 404 : 410 });

/** Public: whoever holds the link may see whom it invites. Looking does not use it up. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findInvitationByToken(params.token ?? "");
  if (found.state !== "valid") return invalid(found.state);
  const signedIn = await getOptionalUser(request);
  const { invitation } = found;
  return data({
    state: "valid" as const,
    invitation: {
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      language: invitation.language,
      timeZone: invitation.timeZone,
      expiresAt: invitation.expiresAt,
      delegation: invitation.delegation,
    },
    timeZones: timeZoneChoices(),
    signedInAs: signedIn?.name ?? null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: AcceptInvitationSchema });
  if (submission.status !== "success") {
    // Check the link first: a form error on a dead link would only mislead.
    const found = await findInvitationByToken(token);
    if (found.state !== "valid") return invalid(found.state);
    return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  const result = await acceptInvitation({
    token,
    name: submission.value.name,
    password: submission.value.password,
    language: submission.value.language,
    timeZone: submission.value.timeZone,
    ipAddress: clientAddress(context),
  });
  if (!result.ok) return invalid(result.reason);
  return signIn({ request, context, user: result.user, redirectTo: paths.home() });
}

export default function InvitationPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A refusal at submission (used meanwhile, expired) replaces the form with its explanation.
  const state = actionData && "state" in actionData ? actionData.state : loaderData.state;
  if (state !== "valid" || !loaderData.invitation) return <InvalidInvitation state={state as InvalidState} />;
  return (
    <AcceptForm
      invitation={loaderData.invitation}
      timeZones={loaderData.timeZones}
      signedInAs={loaderData.signedInAs}
      lastResult={actionData && "result" in actionData ? actionData.result : undefined}
    />
  );
}

function InvalidInvitation({ state }: { state: InvalidState }) {
  const { t } = useTranslation("registrations");
  return (
    <section className="narrow invitation" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t(`invalid.${state}.title`)}</h1>
      <p>{t(`invalid.${state}.body`)}</p>
      <p>
        <Link to={paths.login()}>{t("invalid.signIn")}</Link>
      </p>
    </section>
  );
}

function AcceptForm({
  invitation,
  timeZones,
  signedInAs,
  lastResult,
}: {
  invitation: {
    email: string;
    name: string | null;
    role: "secretariat" | "chair" | "delegate";
    language: Language;
    timeZone: string | null;
    expiresAt: Date | string;
    delegation: { nameAr: string; nameZh: string; nameEn: string; nameFr: string; nameRu: string; nameEs: string } | null;
  };
  timeZones: string[];
  signedInAs: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t, i18n } = useTranslation(["registrations", "common"]);
  const language = i18n.language as Language;
  const navigation = useNavigation();
  // Without JavaScript: the zone the secretariat gave, else UTC. With it, the browser's own zone
  // when the secretariat gave none.
  const givenZone = invitation.timeZone ? currentTimeZone(invitation.timeZone) : null;
  const serverZone = givenZone && timeZones.includes(givenZone) ? givenZone : "UTC";
  const [zones, setZones] = useState(timeZones);
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult,
    defaultValue: { name: invitation.name ?? "", language: invitation.language, timeZone: serverZone },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
  });
  const [zone, setZone] = useState(String(lastResult?.initialValue?.timeZone ?? serverZone));
  useEffect(() => {
    if (invitation.timeZone || lastResult) return;
    // Chromium still answers some zones by their old names ("Europe/Kiev"): offer the current one.
    const resolved = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!resolved) return;
    const browserZone = currentTimeZone(resolved);
    if (!timeZones.includes(browserZone)) setZones([...timeZones, browserZone]);
    setZone(browserZone);
  }, [invitation.timeZone, lastResult, timeZones]);
  const delegation = invitation.delegation ? delegationName(invitation.delegation, language) : null;
  const timeZoneProps = getSelectProps(fields.timeZone);
  return (
    <section className="narrow invitation" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t("accept.title")}</h1>
      <p>{t("accept.intro")}</p>
      <dl className="invitation__facts">
        <div>
          <dt>{t("accept.email")}</dt>
          <dd>
            <bdi dir="ltr">{invitation.email}</bdi>
          </dd>
        </div>
        {delegation ? (
          <div>
            <dt>{t("accept.delegation")}</dt>
            <dd>{delegation}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("accept.role")}</dt>
          <dd>{t(`common:roles.${invitation.role}`)}</dd>
        </div>
      </dl>
      <p className="muted">{t("accept.expires", { date: formatInstant(invitation.expiresAt, language, zone || "UTC") })}</p>
      {signedInAs ? <p className="note">{withData(t("accept.signedIn", { name: isolate(signedInAs) }))}</p> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.name.id}>{t("accept.name")}</label>
          <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" dir="auto" />
          <FormErrors id={fields.name.errorId} errors={fields.name.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>{t("accept.password")}</label>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            autoComplete="new-password"
            dir="ltr"
            aria-describedby={`${fields.password.id}-help ${fields.password.errors ? fields.password.errorId : ""}`.trim()}
          />
          <p id={`${fields.password.id}-help`} className="muted registrations__help">
            {t("accept.passwordHelp")}
          </p>
          <FormErrors id={fields.password.errorId} errors={fields.password.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.confirmPassword.id}>{t("accept.passwordConfirm")}</label>
          <input {...getInputProps(fields.confirmPassword, { type: "password" })} autoComplete="new-password" dir="ltr" />
          <FormErrors id={fields.confirmPassword.errorId} errors={fields.confirmPassword.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.language.id}>{t("accept.language")}</label>
          <select {...getSelectProps(fields.language)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.nativeName}
              </option>
            ))}
          </select>
          <FormErrors id={fields.language.errorId} errors={fields.language.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.timeZone.id}>{t("accept.timeZone")}</label>
          <select
            {...timeZoneProps}
            defaultValue={undefined}
            value={zone}
            onChange={(event) => setZone(event.currentTarget.value)}
            dir="ltr"
            aria-describedby={`${fields.timeZone.id}-help ${timeZoneProps["aria-describedby"] ?? ""}`.trim()}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
          <p id={`${fields.timeZone.id}-help`} className="muted registrations__help">
            {t("accept.timeZoneHelp")}
          </p>
          <FormErrors id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
        </div>
        <SubmitButton pending={navigation.state === "submitting"}>{t("accept.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
