// FieldErrors under its old name: thirty forms import it from here (app/components/ui/field.tsx).
export { FieldErrors as FormErrors } from "~/components/ui/field";
