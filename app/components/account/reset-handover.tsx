import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { paths } from "~/lib/paths";

/**
 * On the outbox, without a mail server: the officer hands a reset link to its owner. The link is
 * issued and shown once, on the page this posts to (/outbox/reset-link).
 */
export function ResetLinkHandover({ messageId }: { messageId: string }) {
  const { t } = useTranslation("account");
  return (
    <Form method="post" action={paths.outboxResetLink()} className="account__handover">
      <input type="hidden" name="messageId" value={messageId} />
      <Button type="submit" variant="secondary" size="small">
        {t("handover.button")}
      </Button>
    </Form>
  );
}
