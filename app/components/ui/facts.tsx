// The facts of a receipt or a record: term and value pairs of a <dl className="facts">, one div a
// pair (the facts grid lays them out).
import type { ReactNode } from "react";

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
