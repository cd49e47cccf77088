import type { RouteHandler } from '../../../local/server/localService';
import { readBody } from '../../../local/server/originServer';

/** A stand-in for the Functions webhook endpoint: echoes validation tokens, queues notifications. */
export class WebhookReceiver {
  readonly validations: string[] = [];
  readonly notifications: unknown[] = [];
  /** Answers to give notifications before accepting them (e.g. [500] = fail once). */
  failNext: number[] = [];
  echo = true;

  route(prefix: string): RouteHandler {
    return {
      prefix,
      handle: async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const body = (await readBody(req)).toString('utf8');
        const token = url.searchParams.get('validationtoken');
        if (token !== null) {
          this.validations.push(token);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(this.echo ? token : 'nope');
          return;
        }
        const fail = this.failNext.shift();
        if (fail) {
          res.writeHead(fail);
          res.end();
          return;
        }
        this.notifications.push(JSON.parse(body));
        res.writeHead(200);
        res.end();
      },
    };
  }
}
