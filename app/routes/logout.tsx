import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { paths } from "~/lib/paths";
import { signOut } from "~/utils/auth.server";

// Sign-out is a POST only: a link or prefetch must never end a session.
export async function loader() {
  throw redirect(paths.home());
}

export async function action({ request, context }: ActionFunctionArgs) {
  return signOut(request, context);
}
