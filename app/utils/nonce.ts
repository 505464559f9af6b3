// The Content-Security-Policy nonce of the page being rendered (app/utils/security.server.ts makes
// one per response; app/entry.server.tsx provides it). In the browser, the same nonce is read back
// from the page's own scripts (browsers hide it from the attribute, not from `.nonce`), so that
// re-rendering <Scripts> after hydration does not blank it.
import { createContext, useContext } from "react";

export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;

let pageNonce: string | undefined;

function nonceOfPage(): string {
  if (typeof document === "undefined") return "";
  pageNonce ??= document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
  return pageNonce;
}

export function useNonce(): string {
  return useContext(NonceContext) || nonceOfPage();
}
