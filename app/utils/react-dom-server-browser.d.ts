// The web-streams build of React's server renderer (html-stream.server.ts): the same API that
// @types/react-dom declares for "react-dom/server". No import here, so this declaration is global.
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
