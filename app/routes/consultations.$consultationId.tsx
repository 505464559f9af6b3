import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { ConsultationFrame } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { consultationPages } from "~/lib/consultation-pages";
import { findConsultation } from "~/utils/consultation-access.server";
import stylesheet from "~/styles/consultation-frame.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const handle: TitleHandle<typeof loader> = { title: (_t, data) => data.frame?.consultation.title ?? null };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, consultation } = await findConsultation(request, params);
  // Whoever may not see the consultation gets no frame: the page's own guard answers them.
  if (!consultation) return { frame: null };
  return {
    frame: {
      consultation: { id: consultation.id, title: consultation.title, status: consultation.status },
      pages: consultationPages(user.role, consultation.status, consultation.circulated, consultation.dispositionsPublished, consultation.round > 1),
    },
  };
}

export default function ConsultationLayout() {
  const { frame } = useLoaderData<typeof loader>();
  if (!frame) return <Outlet />;
  return (
    <ConsultationFrame consultation={frame.consultation} pages={frame.pages}>
      <Outlet />
    </ConsultationFrame>
  );
}
