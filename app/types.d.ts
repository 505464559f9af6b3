import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as seen by app/server.ts (after a trusted proxy, if any). */
    clientAddress: string;
    /** This response's Content-Security-Policy nonce (app/utils/security.server.ts), for Remix's inline scripts. */
    cspNonce?: string;
  }
}

declare global {
  /** A digest of locales/ (vite.config.ts): the version of the strings the browser caches. */
  const __LOCALES_VERSION__: string;
}
