import { Fragment, type ReactNode } from "react";

/**
 * A receipt number ("CTOC-2020-MAR-0007") inside any text: isolated from the sentence around it
 * and read left to right (in an Arabic page its hyphens would otherwise reorder the parts), and
 * never broken across lines (a phone would split it at a hyphen). `className` adds a class, e.g.
 * "receipt-number" for the receipt's own, larger figure.
 */
export function ReceiptCode({ value, className }: { value: string; className?: string }) {
  return (
    <bdi className={className ? `receipt-code ${className}` : "receipt-code"} dir="ltr" translate="no">
      {value}
    </bdi>
  );
}

/** Stands for an element in a translated sentence: t(key, { receipt: SLOT }), then <Slotted>. */
export const SLOT = "\uE000";
export const RECEIPT_SLOT = SLOT;

/**
 * A translated sentence with an element (a receipt number, a <time>) where the translation put
 * the SLOT: each language keeps its own word order, the element keeps its markup.
 */
export function Slotted({ text, children }: { text: string; children: ReactNode }) {
  return (
    <>
      {text.split(SLOT).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? children : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

/** A translated sentence with the receipt number put back in, isolated (see ReceiptCode). */
export function WithReceipt({ text, receipt, className }: { text: string; receipt: string; className?: string }) {
  return (
    <Slotted text={text}>
      <ReceiptCode value={receipt} className={className} />
    </Slotted>
  );
}
