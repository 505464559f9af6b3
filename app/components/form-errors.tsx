import { useTranslation } from "~/i18n/use-translation";

/**
 * Validation messages are translation keys ("auth:errors.invalid") produced on the server or by
 * the same Zod schema in the browser; they are translated only here, at display.
 */
export function FormErrors({ id, errors, values }: { id?: string; errors?: string[]; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="form-errors" role="alert">
      {errors.map((error) => (
        <li key={error}>{String(t(error as never, values as never))}</li>
      ))}
    </ul>
  );
}
