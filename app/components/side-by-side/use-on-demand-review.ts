import { useLocation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type MouseEvent } from "react";
import { REVIEW_PARAM } from "~/lib/side-by-side";

/**
 * Which entry's review form is open, and one click handler for the whole page (no handler per
 * entry). Without JavaScript, "Review this entry" loads `?review=<commentId>` and "Cancel" the view
 * without it; with JavaScript both act in place. A refused save reopens its form with the
 * message; a navigation (a save, a filter) closes the form. When it closes, the focus goes back to
 * the entry's button.
 */
export function useOnDemandReview(refusedComment: string | null) {
  const location = useLocation();
  // Opened or closed here, for this location only.
  const [chosen, setChosen] = useState<{ id: string | null; key: string } | null>(null);
  const fromAddress = new URLSearchParams(location.search).get(REVIEW_PARAM)?.toLowerCase() ?? null;
  const open = chosen && chosen.key === location.key ? chosen.id : (refusedComment ?? fromAddress);

  const previous = useRef(open);
  useEffect(() => {
    const closed = previous.current;
    previous.current = open;
    if (closed && closed !== open && open === null) {
      // The scroll position stays where the save's redirect (#entry) or the reader put it.
      document.querySelector<HTMLElement>(`[data-review-open="${CSS.escape(closed)}"]`)?.focus({ preventScroll: true });
    }
  }, [open]);

  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const target = (event.target as Element).closest?.("[data-review-open], [data-review-close]");
      if (!target) return;
      event.preventDefault();
      const id = target.getAttribute("data-review-open");
      setChosen({ id: id || null, key: location.key });
    },
    [location.key],
  );
  return { open, onClick };
}
