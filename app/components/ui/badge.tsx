// A short label beside a title or in a table cell (a status, a count, "This device"), its colour
// from a tone rather than from a class per status, so that every status reads the same way.
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  const classes = ["badge"];
  if (tone !== "neutral") classes.push(`badge--${tone}`);
  if (className) classes.push(className);
  return <span className={classes.join(" ")}>{children}</span>;
}
