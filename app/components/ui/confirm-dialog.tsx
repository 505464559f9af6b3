// A destructive submit that asks first, in the page's own words and language: a native <dialog>
// (focus kept inside and first on Cancel, Escape cancels, the focus back on the button after)
// instead of the browser's confirm() box. The button is a plain submit button: before the scripts
// run, or without them, the form is sent as it always was.
import { useId, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button, SubmitButton, type ButtonVariant } from "./button";

export function ConfirmDialog({
  message,
  confirmLabel,
  variant = "danger",
  size,
  name,
  value,
  pending,
  disabled,
  children,
}: {
  /** The question ("Delete point (a) of agenda item 2?"). */
  message: ReactNode;
  /** The dialog's button that sends the form ("Delete"). */
  confirmLabel: ReactNode;
  variant?: ButtonVariant;
  size?: "small";
  /** The submit button's name and value, sent with the form as they would be without the dialog. */
  name?: string;
  value?: string;
  /** As SubmitButton's. */
  pending?: boolean;
  disabled?: boolean;
  /** The submit button's text (with any visually hidden context). */
  children: ReactNode;
}) {
  const { t } = useTranslation("common");
  const messageId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const submitter = useRef<HTMLButtonElement | null>(null);

  const ask = (event: MouseEvent<HTMLButtonElement>) => {
    const box = dialog.current;
    if (!box || typeof box.showModal !== "function") return; // no <dialog>: a plain submit
    event.preventDefault();
    submitter.current = event.currentTarget;
    box.showModal();
  };
  const confirm = () => {
    dialog.current?.close();
    const button = submitter.current;
    // requestSubmit with the button: the form's own submit, its name and value included.
    button?.form?.requestSubmit(button);
  };

  return (
    <>
      <SubmitButton variant={variant} size={size} name={name} value={value} pending={pending} disabled={disabled} onClick={ask}>
        {children}
      </SubmitButton>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby={messageId}>
        <p id={messageId}>{message}</p>
        <div className="confirm-dialog__actions">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t("confirmDialog.cancel")}
          </Button>
          <Button variant={variant} onClick={confirm}>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
