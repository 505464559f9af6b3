// Buttons in one place: the four kinds and the small size of app/styles/ui.css as props instead of
// class strings written by hand, a link that looks like a button, and a submit button that says
// it is busy while its form is on its way.
import { Link, useNavigation, type LinkProps } from "@remix-run/react";
import type { ButtonHTMLAttributes, MouseEvent } from "react";

export type ButtonVariant = "primary" | "secondary" | "quiet" | "danger";
export type ButtonStyle = {
  /** primary (filled blue, the default), secondary (outlined), quiet (in the blue header), danger (destructive). */
  variant?: ButtonVariant;
  size?: "small";
  className?: string;
};

/** The classes of a button of this kind: for what is neither a <button> nor a Link (a <summary>, a plain <a>). */
export function buttonClass({ variant = "primary", size, className }: ButtonStyle = {}): string {
  const classes = ["button"];
  if (variant !== "primary") classes.push(`button--${variant}`);
  if (size) classes.push(`button--${size}`);
  if (className) classes.push(className);
  return classes.join(" ");
}

type NativeButtonProps = ButtonStyle & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "className">;
type LinkButtonProps = ButtonStyle & Omit<LinkProps, "className">;

/** A <button> (type="button" unless told), or with `to` a Link styled as one. */
export function Button(props: NativeButtonProps | LinkButtonProps) {
  if ("to" in props && props.to !== undefined) {
    const { variant, size, className, ...link } = props;
    return <Link {...link} className={buttonClass({ variant, size, className })} />;
  }
  const { variant, size, className, type = "button", ...button } = props as NativeButtonProps;
  return <button {...button} type={type} className={buttonClass({ variant, size, className })} />;
}

/**
 * A form's submit button. While the page's navigation is submitting (or `pending` says so, for a
 * fetcher or for one form among several) it is aria-disabled and marked pending: it keeps its
 * focus and its name, and a second press is ignored instead of sending the form twice. `name` and
 * `value` go with the form as a button's do (forms with several intents).
 */
export function SubmitButton({
  pending,
  disabled,
  onClick,
  ...props
}: Omit<NativeButtonProps, "type"> & {
  /** Whether the form is on its way; by default, whether the page's navigation is submitting. */
  pending?: boolean;
}) {
  const navigation = useNavigation();
  const busy = pending ?? navigation.state === "submitting";
  return (
    <Button
      {...props}
      type="submit"
      disabled={disabled}
      aria-disabled={busy || undefined}
      data-pending={busy || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
