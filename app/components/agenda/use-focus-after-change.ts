import { useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { focusCandidates } from "~/lib/agenda-editor";

/** After a change, the keyboard focus goes to the element the redirect named (?focus=…). */
export function useFocusAfterChange(focus: string | null) {
  const location = useLocation();
  useEffect(() => {
    if (!focus) return;
    for (const id of focusCandidates(focus)) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) {
        element.focus();
        return;
      }
    }
  }, [focus, location.key]);
}
