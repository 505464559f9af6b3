import { useDeferredValue, useId, useMemo, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Button } from "~/components/ui/button";
import { findInvisibleCharacters, removeInvisibleCharacters } from "~/lib/invisible-characters";

/** Occurrences listed one by one; beyond, "and N more". */
const SHOWN = 5;

/**
 * Under a comment field: the invisible characters the server would refuse, each with its code,
 * its position and the text around it (the character itself drawn as a visible mark), and one
 * button that removes exactly those characters, nothing else (joiners and direction marks stay).
 * Shown as soon as such a character is typed or pasted, and after the server refused one.
 */
export function InvisibleCharacters({
  value,
  onRemove,
  readOnly,
}: {
  value: string;
  /** Receives the text without the refused characters. */
  onRemove: (text: string) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation("submissions");
  const id = useId();
  const deferred = useDeferredValue(value);
  const found = useMemo(() => findInvisibleCharacters(deferred), [deferred]);
  const [removed, setRemoved] = useState(0);
  if (readOnly) return null;
  return (
    <div className="invisible-chars">
      {found.length ? (
        // A group named by its first sentence ("This text contains 2 invisible characters…").
        <div className="invisible-chars__note" role="group" aria-labelledby={`${id}-found`}>
          <p id={`${id}-found`}>{t("invisible.found", { count: found.length })}</p>
          <ul className="invisible-chars__list">
            {found.slice(0, SHOWN).map((c) => (
              <li key={c.position}>
                {t("invisible.item", { code: c.code, kind: t(`invisible.kind.${c.kind}`), position: c.position })}{" "}
                <bdi className="invisible-chars__context" dir="auto">
                  …{c.before}
                  <mark className="invisible-chars__mark" dir="ltr">
                    {c.code}
                  </mark>
                  {c.after}…
                </bdi>
              </li>
            ))}
            {found.length > SHOWN ? <li>{t("invisible.more", { count: found.length - SHOWN })}</li> : null}
          </ul>
          <p className="invisible-chars__actions">
            <Button
              variant="secondary"
              size="small"
              aria-describedby={`${id}-help`}
              onClick={() => {
                setRemoved(found.length);
                onRemove(removeInvisibleCharacters(value));
              }}
            >
              {t("invisible.remove")}
            </Button>{" "}
            <span id={`${id}-help`} className="field__help">
              {t("invisible.removeHelp")}
            </span>
          </p>
        </div>
      ) : null}
      {/* Always present, so that the removal is announced. */}
      <p className="visually-hidden" role="status">
        {removed && !found.length ? t("invisible.removed", { count: removed }) : ""}
      </p>
    </div>
  );
}
