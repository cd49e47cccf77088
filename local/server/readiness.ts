import type { RouteHandler } from './localService';

/**
 * Function traffic waits until the stand-ins have started (the SharePoint emulator has made its
 * lists and columns): before that a request gets 503 with Retry-After, as an Azure Functions app
 * that is still starting answers, instead of a 500 from a half-provisioned site and a row written
 * without its orchestration.
 */
export function readinessGate(): { hold(route: RouteHandler): RouteHandler; open(): void; readonly isOpen: boolean } {
  let open = false;
  return {
    hold: (route) => ({
      prefix: route.prefix,
      handle(req, res) {
        if (open) return route.handle(req, res);
        req.resume();
        res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
        res.end(JSON.stringify({ error: 'The service is starting (SharePoint lists are being made). Try again in a second.' }));
      },
    }),
    open() {
      open = true;
    },
    get isOpen() {
      return open;
    },
  };
}
