import { data } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { useRouteError } from "@remix-run/react";

// Any address that matches no route: a real 404 page inside the layout, in the reader's language.
export async function loader() {
  throw data({ reason: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary error={useRouteError()} />;
}
