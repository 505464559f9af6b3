// A table in its scroll container: a wide table scrolls sideways inside the page on a phone
// instead of widening it. When it does overflow, the container becomes a named region that takes
// the keyboard's focus, so that a keyboard user can scroll it too (WCAG 2.1.1; axe's
// scrollable-region-focusable); a table that fits stays out of the tab order.
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";

export function TableShell({
  caption,
  captionHidden = false,
  labelledBy,
  className,
  tableClassName,
  tableId,
  children,
}: {
  /** The table's name, as its <caption> (seen, or for screen readers only with captionHidden). */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** Or the id of a heading that names it already. */
  labelledBy?: string;
  /** More classes on the scroll container. */
  className?: string;
  /** More classes on the <table> (beside "table"). */
  tableClassName?: string;
  tableId?: string;
  /** The table's <thead>, <tbody>… */
  children: ReactNode;
}) {
  const captionId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const scrollable = useOverflows(ref);
  const nameId = caption ? captionId : labelledBy;
  return (
    <div
      ref={ref}
      className={`table-scroll${className ? ` ${className}` : ""}`}
      {...(scrollable ? { role: "region", tabIndex: 0, "aria-labelledby": nameId } : {})}
    >
      <table id={tableId} className={`table${tableClassName ? ` ${tableClassName}` : ""}`} aria-labelledby={caption ? undefined : labelledBy}>
        {caption ? (
          <caption id={captionId} className={captionHidden ? "visually-hidden" : undefined}>
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  );
}

/** Whether the element is narrower than its content (followed as the window and the content change). */
function useOverflows(ref: RefObject<HTMLElement>): boolean {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
