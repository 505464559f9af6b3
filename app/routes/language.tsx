import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/languages";
import { paths } from "~/lib/paths";
import { setUserLanguage } from "~/models/user.server";
import { getOptionalUser, safeRedirect } from "~/utils/auth.server";
import { languageCookieHeader } from "~/utils/i18n.server";

export async function loader() {
  throw redirect(paths.home());
}

/** The language switcher: remember the choice in a cookie and, when signed in, in the profile. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("language");
  if (!isLanguage(language)) throw data({ reason: "bad_language" }, { status: 400 });
  const user = await getOptionalUser(request);
  if (user && user.language !== language) await setUserLanguage(user.id, language);
  return redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": languageCookieHeader(request, language) },
  });
}
