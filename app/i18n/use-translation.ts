// The components' translation hook. In the browser it is react-i18next's own (it follows a change
// of language). On the server a page is rendered once in a language that never changes, so the
// hook only looks up a translation function made once per instance and namespace: react-i18next's
// copies the whole i18next instance for every component it is called in (a point's text, a
// comment's heading…), which was a tenth of the server's time when 200 delegates submitted at
// once (issue 13). Translations are remembered as well (a page asks for the same label hundreds
// of times), those with options when the options are plain values.
import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext, useTranslation as useI18nextTranslation } from "react-i18next";

type Cached = { t: TFunction; i18n: I18n; ready: true };
const translators = new WeakMap<I18n, Map<string, Cached>>();

type Translate = (key: unknown, ...rest: unknown[]) => unknown;

// A label's options are mostly a number or a name: remembered too when all are plain values, in a
// bounded map (names and numbers come from the data).
const REMEMBERED_LIMIT = 5_000;
const plain = (options: unknown): options is Record<string, string | number | boolean> =>
  typeof options === "object" &&
  options !== null &&
  Object.getPrototypeOf(options) === Object.prototype &&
  Object.values(options).every((value) => typeof value === "string" || typeof value === "number" || typeof value === "boolean");

function remembering(t: Translate): Translate {
  const known = new Map<string, string>();
  return (key, ...rest) => {
    if (typeof key !== "string" || rest.length > 1 || (rest.length === 1 && !plain(rest[0]))) return t(key, ...rest);
    const id = rest.length ? `${key}\u0000${JSON.stringify(rest[0])}` : key;
    let value = known.get(id);
    if (value === undefined) {
      const translated = t(key, ...rest);
      if (typeof translated !== "string") return translated;
      value = translated;
      if (known.size >= REMEMBERED_LIMIT) known.clear();
      known.set(id, value);
    }
    return value;
  };
}

function useServerTranslation(ns?: string | readonly string[], options?: { keyPrefix?: string }): Cached {
  // As react-i18next does: the provider's instance, else the one initialised last.
  const i18n = (useContext(I18nContext) as { i18n?: I18n } | undefined)?.i18n ?? getI18n();
  let byNamespace = translators.get(i18n);
  if (!byNamespace) {
    byNamespace = new Map();
    translators.set(i18n, byNamespace);
  }
  const namespaces = ns === undefined ? undefined : typeof ns === "string" ? ns : [...ns];
  const key = `${Array.isArray(namespaces) ? namespaces.join(",") : (namespaces ?? "")}|${options?.keyPrefix ?? ""}`;
  let cached = byNamespace.get(key);
  if (!cached) {
    const fixed = (i18n.getFixedT as unknown as (lng: null, ns: unknown, keyPrefix?: string) => Translate)(null, namespaces ?? null, options?.keyPrefix);
    cached = { t: remembering(fixed) as unknown as TFunction, i18n, ready: true };
    byNamespace.set(key, cached);
  }
  return cached;
}

const onServer = typeof document === "undefined";

export const useTranslation: typeof useI18nextTranslation = onServer
  ? (useServerTranslation as unknown as typeof useI18nextTranslation)
  : useI18nextTranslation;
