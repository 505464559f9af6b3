import { useEffect, useRef } from "react";

/**
 * For a bar stuck to the bottom of the window: keeps `--sticky-block-end` on the root at the
 * bar's height, so that the page's scroll padding keeps a focused field above the bar
 * (WCAG 2.4.11, focus not obscured) even when the bar wraps onto several lines on a phone; and
 * lifts a focused control that still ends up under it.
 */
export function useStickyEnd<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const bar = ref.current;
    if (!bar || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty("--sticky-block-end", `${Math.ceil(bar.getBoundingClientRect().height)}px`));
    observer.observe(bar);
    // The padding is a hint browsers may ignore when a control is already partly in view (a
    // text area half under the bar): then lift the control above the bar, never its top out of view.
    const onFocus = (event: FocusEvent) => {
      const control = event.target;
      if (!(control instanceof HTMLElement) || bar.contains(control)) return;
      const box = control.getBoundingClientRect();
      const stuck = bar.getBoundingClientRect();
      if (box.bottom <= stuck.top - 4 || box.top >= stuck.bottom) return;
      const by = Math.min(box.bottom - stuck.top + 12, box.top - 8);
      if (by > 0) window.scrollBy({ top: by, behavior: "instant" });
    };
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("focusin", onFocus);
      observer.disconnect();
      root.style.removeProperty("--sticky-block-end");
    };
  }, []);
  return ref;
}
