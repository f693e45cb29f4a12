// A local webhook standing in for an SMS gateway: records what it receives and answers as the test tells it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { key: string | undefined; body: { id: string; kind: string; to: string; text: string; params: Record<string, string> }; at: number }

export interface Webhook {
  url: string;
  received: Received[];
  /** how to answer the next request: a status, or 'hang' (never answer) */
  answer: (r: Received) => number | 'hang';
  close(): Promise<void>;
}

const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let data = '';
  req.on('data', (c) => { data += c; });
  req.on('end', () => resolve(data));
});

export async function startWebhook(): Promise<Webhook> {
  const hook: Webhook = { url: '', received: [], answer: () => 200, close: async () => {} };
  const server = createServer(async (req, res) => {
    const r: Received = { key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(await read(req)), at: Date.now() };
    hook.received.push(r);
    const status = hook.answer(r);
    if (status === 'hang') return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  hook.close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return hook;
}
