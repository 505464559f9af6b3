// What a receipt page shows the same way for a revision (the delegation's own submission) and for
// an alignment (issue 19): the link back and the title with the receipt's number, then the facts
// (the number, the consultation, the time in the meeting's zone and the reader's, between the
// receipt's own) and the print button.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { RECEIPT_SLOT, ReceiptCode, WithReceipt } from "~/components/submission/receipt-code";
import { Button } from "~/components/ui/button";
import { Fact } from "~/components/ui/facts";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";

/** The link back (not printed) and the title, `title` given the receipt as RECEIPT_SLOT. */
export function ReceiptHead({
  back,
  backLabel,
  title,
  receiptNumber,
}: {
  back: string;
  backLabel: string;
  title: (receipt: string) => string;
  receiptNumber: string;
}) {
  return (
    <>
      <p className="eyebrow no-print">
        <Link to={back}>{backLabel}</Link>
      </p>
      <h1>
        <WithReceipt text={title(RECEIPT_SLOT)} receipt={receiptNumber} />
      </h1>
    </>
  );
}

/** The facts (named for screen readers by the heading `id`) and the print button. */
export function ReceiptFacts({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation("submissions");
  return (
    <section aria-labelledby={id} className="receipt-page__facts">
      <h2 id={id} className="visually-hidden">
        {t("receipt.factsTitle")}
      </h2>
      <dl className="facts">{children}</dl>
      <p className="no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t("receipt.print")}
        </Button>
      </p>
    </section>
  );
}

export function ReceiptNumberFact({ receiptNumber }: { receiptNumber: string }) {
  const { t } = useTranslation("submissions");
  return (
    <Fact term={t("receipt.facts.number")}>
      <strong>
        <ReceiptCode value={receiptNumber} className="receipt-number" />
      </strong>
    </Fact>
  );
}

/** The consultation's title, in English as it was given. */
export function ConsultationFact({ title }: { title: string }) {
  const { t } = useTranslation("submissions");
  return (
    <Fact term={t("receipt.facts.consultation")}>
      <span lang="en" dir="ltr">
        {title}
      </span>
    </Fact>
  );
}

/** When it was recorded, in the meeting's zone and, when it differs, the reader's. */
export function ReceiptTimeFacts({ at, meetingTimeZone, readerTimeZone }: { at: string | Date; meetingTimeZone: string; readerTimeZone: string | null }) {
  const { t, i18n } = useTranslation("submissions");
  const time = (timeZone: string) => (
    <time dateTime={new Date(at).toISOString()} suppressHydrationWarning>
      {formatInstant(at, i18n.language, timeZone)}
    </time>
  );
  return (
    <>
      <Fact term={t("receipt.facts.meetingTime")}>{time(meetingTimeZone)}</Fact>
      {readerTimeZone && readerTimeZone !== meetingTimeZone ? <Fact term={t("receipt.facts.yourTime")}>{time(readerTimeZone)}</Fact> : null}
    </>
  );
}
