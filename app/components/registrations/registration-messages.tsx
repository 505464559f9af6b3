// The top of the registrations page where the result of a table or list action is said: its
// notice, or the errors of the one-button forms in table rows.
import { useEffect, useRef, type ReactNode } from "react";
import { FormErrors } from "~/components/ui/form-errors";

export function RegistrationMessages({ answer, notice, errors }: { answer: unknown; notice: ReactNode; errors: string[] | undefined }) {
  const topMessage = useRef<HTMLDivElement>(null);
  // With JavaScript the page does not reload: bring the result of a table or list action into
  // view (and focus, for keyboard and screen-reader users whose button may have gone).
  useEffect(() => {
    if (notice || errors) topMessage.current?.focus();
  }, [answer]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div ref={topMessage} tabIndex={-1} className="registrations__messages">
      <div aria-live="polite" role="status" className="registrations__notice-region">
        {notice}
      </div>
      <FormErrors errors={errors} />
    </div>
  );
}
