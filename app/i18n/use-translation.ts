// The components' translation hook. In the browser it is react-i18next's own (it follows a change
// of language). On the server a page is rendered once in a language that never changes, so the
// hook only looks up a translation function made once per instance and namespace: react-i18next's
// copies the whole i18next instance for every component it is called in (a point's text, a
// comment's heading…), which was a tenth of the server's time when 200 delegates submitted at
// once (issue 13). Translations without options are remembered as well: a page asks for the same
// label hundreds of times.
import type { i18n as I18n, TFunction } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext, useTranslation as useI18nextTranslation } from "react-i18next";

type Cached = { t: TFunction; i18n: I18n; ready: true };
const translators = new WeakMap<I18n, Map<string, Cached>>();

type Translate = (key: unknown, ...rest: unknown[]) => unknown;

function remembering(t: Translate): Translate {
  const known = new Map<string, string>();
  return (key, ...rest) => {
    if (rest.length || typeof key !== "string") return t(key, ...rest);
    let value = known.get(key);
    if (value === undefined) {
      const translated = t(key);
      if (typeof translated !== "string") return translated;
      value = translated;
      known.set(key, value);
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
