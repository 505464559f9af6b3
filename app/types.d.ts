import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as seen by app/server.ts (after a trusted proxy, if any). */
    clientAddress: string;
  }
}
