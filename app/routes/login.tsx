import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ForgotPasswordLink, SignInNotice } from "~/components/account/sign-in-notice";
import { SubmitButton } from "~/components/ui/button";
import { Field, FieldErrors } from "~/components/ui/field";
import { useNotice } from "~/components/ui/notice";
import { retryAfterMessage } from "~/lib/login-throttle";
import { paths } from "~/lib/paths";
import { beginLoginAttempt, finishLoginAttempt } from "~/models/login-attempt.server";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { clientAddress, getOptionalUser, safeRedirect, signIn } from "~/utils/auth.server";
import { readNotice } from "~/utils/notice.server";
import type { TitleHandle } from "~/components/ui/document-title";
import accountStylesheet from "~/styles/account.css?url";

const LoginSchema = z.object({
  email: z.string({ required_error: "auth:errors.emailRequired" }).max(320, "auth:errors.emailInvalid").email("auth:errors.emailInvalid"),
  password: z.string({ required_error: "auth:errors.passwordRequired" }).max(1000, "auth:errors.invalid"),
  redirectTo: z.string().optional(),
});

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("auth:title") };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: accountStylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect(paths.home());
  // Left by the password reset's redirect: the new password is set.
  return { resetDone: await readNotice(request, ["signIn.resetDone"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: null }, { status: 400 });
  }
  const email = normalizeEmail(submission.value.email);
  const address = clientAddress(context);

  // Counted before the password is checked, so parallel guesses cannot all slip through.
  const gate = await beginLoginAttempt(email, address);
  if (!gate.admitted) {
    const message = retryAfterMessage(gate.retryAfterSeconds);
    return data(
      {
        result: submission.reply({ formErrors: [message.key], hideFields: ["password"] }),
        retryAfter: { count: message.count },
      },
      { status: 429, headers: { "Retry-After": String(gate.retryAfterSeconds) } },
    );
  }

  const user = await verifyLogin(email, submission.value.password);
  await finishLoginAttempt(gate.ticket, Boolean(user));
  if (!user) {
    // One message whether the address or the password was wrong.
    return data({ result: submission.reply({ formErrors: ["auth:errors.invalid"], hideFields: ["password"] }), retryAfter: null }, { status: 400 });
  }
  return signIn({ request, context, user, redirectTo: safeRedirect(submission.value.redirectTo) });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const resetDone = useNotice(useLoaderData<typeof loader>().resetDone) !== null;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const passwordRef = useRef<HTMLInputElement>(null);
  // After a refused attempt the password is cleared and focused, ready to be typed again.
  useEffect(() => {
    if (actionData && passwordRef.current) {
      passwordRef.current.value = "";
      if (!actionData.retryAfter) passwordRef.current.focus();
    }
  }, [actionData]);
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <SignInNotice resetDone={resetDone} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FieldErrors id={form.errorId} errors={form.errors} values={actionData?.retryAfter ?? undefined} />
        <Field field={fields.email} label={t("email")}>
          <input {...getInputProps(fields.email, { type: "email" })} autoComplete="username" dir="ltr" autoFocus />
        </Field>
        <Field field={fields.password} label={t("password")}>
          <input {...getInputProps(fields.password, { type: "password" })} ref={passwordRef} autoComplete="current-password" dir="ltr" />
        </Field>
        <SubmitButton pending={navigation.state === "submitting"}>{t("submit")}</SubmitButton>
      </Form>
      <ForgotPasswordLink />
    </section>
  );
}
