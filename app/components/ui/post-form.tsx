// The plain forms of a page's rows and panels: a POST form whose hidden fields say what it does and
// to what (an intent, a row's id), and the words of a row's button that name, for a screen reader
// that reads the button alone, the row it acts on. They work without JavaScript.
import { Form } from "@remix-run/react";
import type { ComponentProps, ReactNode } from "react";
import { isolate, withData } from "./data-text";

type HiddenValues = Record<string, string | number>;

/** One hidden input a value, in the order given. */
export function HiddenFields({ values }: { values: HiddenValues }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A POST form, its hidden fields first. */
export function PostForm({ fields = {}, children, ...props }: Omit<ComponentProps<typeof Form>, "method"> & { fields?: HiddenValues }) {
  return (
    <Form method="post" {...props}>
      <HiddenFields values={fields} />
      {children}
    </Form>
  );
}

/** "Remove" and, hidden, the row it acts on: "Remove Peru". */
export function ActionLabel({ label, row }: { label: ReactNode; row: ReactNode }) {
  return (
    <>
      {label} <span className="visually-hidden">{row}</span>
    </>
  );
}

/** The same for a name people typed (a person's, a mission's), isolated for direction. */
export function ActionLabelName({ label, name }: { label: ReactNode; name: string }) {
  return (
    <>
      {label}
      <span className="visually-hidden"> {withData(isolate(name))}</span>
    </>
  );
}
