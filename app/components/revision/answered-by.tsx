/**
 * "Answered by: (a), (b) bis": the Rev.1 points that answer a comment of the previous round, or
 * nothing when none does. The heading comes translated from the list (no hook each: an agenda item
 * lists a thousand comments and more at full scale).
 */
export function AnsweredBy({ heading, labels }: { heading: string; labels: readonly string[] }) {
  if (labels.length === 0) return null;
  return (
    <p className="revision-comment__answered">
      {heading}:{" "}
      {labels.map((label, index) => (
        <span key={label}>
          {index > 0 ? ", " : null}
          <bdi>{label}</bdi>
        </span>
      ))}
    </p>
  );
}
