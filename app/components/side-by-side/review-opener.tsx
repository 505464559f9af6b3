import { REVIEW_FORM_ID, REVIEW_OPENER_ID, REVIEW_PARAM } from "~/lib/side-by-side";

/**
 * The GET form every entry's "Review this entry" button submits (`form=`): the current view's
 * address plus `review=<commentId>`, ending at the form (no JavaScript needed).
 */
export function ReviewOpener({ search }: { search: string }) {
  const kept = [...new URLSearchParams(search).entries()].filter(([name]) => name !== REVIEW_PARAM);
  return (
    <form id={REVIEW_OPENER_ID} method="get" action={`#${REVIEW_FORM_ID}`} hidden>
      {kept.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </form>
  );
}
