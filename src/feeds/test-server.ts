import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server saw. */
export interface SeenRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  userAgent?: string;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 with an ephemeral port; tests add routes and read the request log. */
export class TestServer {
  readonly requests: SeenRequest[] = [];
  readonly routes = new Map<string, Route>();
  private server: Server | undefined;
  base = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      this.requests.push({
        path,
        ifNoneMatch: req.headers['if-none-match'],
        ifModifiedSince: req.headers['if-modified-since'],
        userAgent: req.headers['user-agent'],
      });
      const route = this.routes.get(path);
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  requestsFor(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** An article page of our own words; `n` varies the text so each page is new content. */
export function articlePage(n: number, title = `Report ${n}`): string {
  const paragraphs = [
    `Officials in the river town of Lowmere said on Monday that repair crews had finished work on the eastern bridge, number ${n}, after three weeks of closures.`,
    `The mayor told reporters that traffic would return to normal by the end of the week, and that buses would resume their old routes on Wednesday morning.`,
    `Residents had complained about long detours during the closure. One shop owner said business had fallen by half while the bridge was shut, case ${n}.`,
  ];
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>Contact us</footer></body></html>`;
}
