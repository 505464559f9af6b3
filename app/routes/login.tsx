import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { z } from "zod";
import { ForgotPasswordLink, SignInNotice } from "~/components/account/sign-in-notice";
import { FormErrors } from "~/components/form-errors";
import { retryAfterMessage } from "~/lib/login-throttle";
import { beginLoginAttempt, finishLoginAttempt } from "~/models/login-attempt.server";
import { normalizeEmail, verifyLogin } from "~/models/user.server";
import { clientAddress, getOptionalUser, safeRedirect, signIn } from "~/utils/auth.server";

const LoginSchema = z.object({
  email: z
    .string({ required_error: "auth:errors.emailRequired" })
    .max(320, "auth:errors.emailInvalid")
    .email("auth:errors.emailInvalid"),
  password: z.string({ required_error: "auth:errors.passwordRequired" }).max(1000, "auth:errors.invalid"),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = () => [{ title: "Nonpaper" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/");
  return null;
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
    return data(
      { result: submission.reply({ formErrors: ["auth:errors.invalid"], hideFields: ["password"] }), retryAfter: null },
      { status: 400 },
    );
  }
  return signIn({ request, context, user, redirectTo: safeRedirect(submission.value.redirectTo) });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
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
      <SignInNotice />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          values={actionData?.retryAfter ?? undefined}
        />
        <div className="field">
          <label htmlFor={fields.email.id}>{t("email")}</label>
          <input
            {...getInputProps(fields.email, { type: "email" })}
            autoComplete="username"
            dir="ltr"
            autoFocus
          />
          <FormErrors id={fields.email.errorId} errors={fields.email.errors} />
        </div>
        <div className="field">
          <label htmlFor={fields.password.id}>{t("password")}</label>
          <input
            {...getInputProps(fields.password, { type: "password" })}
            ref={passwordRef}
            autoComplete="current-password"
            dir="ltr"
          />
          <FormErrors id={fields.password.errorId} errors={fields.password.errors} />
        </div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("submit")}
        </button>
      </Form>
      <ForgotPasswordLink />
    </section>
  );
}
