import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";

// Sign-out is a POST only: a link or prefetch must never end a session.
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  return signOut(request, context);
}
