import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrors } from "~/components/form-errors";
import { checkLoginRateLimit, recordLoginAttempt } from "~/models/login-attempt.server";
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
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const email = normalizeEmail(submission.value.email);
  const address = clientAddress(context);

  const limit = await checkLoginRateLimit(email, address);
  if (limit.limited) {
    return data(
      {
        result: submission.reply({ formErrors: ["auth:errors.rateLimited"], hideFields: ["password"] }),
        retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }

  const user = await verifyLogin(email, submission.value.password);
  await recordLoginAttempt(email, address, Boolean(user));
  if (!user) {
    // One message whether the address or the password was wrong.
    return data(
      { result: submission.reply({ formErrors: ["auth:errors.invalid"], hideFields: ["password"] }), retryAfterMinutes: 0 },
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
      if (actionData.retryAfterMinutes === 0) passwordRef.current.focus();
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
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormErrors
          id={form.errorId}
          errors={form.errors}
          values={{ minutes: actionData?.retryAfterMinutes }}
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
    </section>
  );
}
