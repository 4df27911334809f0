// Why: a minimal HTTP front (POST /tcb on 127.0.0.1) so tests can point the real node-sdk at the engine; the full emulator mounts engine.handle the same way.
import http from 'http';
import { AddressInfo } from 'net';
import { DatabaseEngine } from './engine';

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/** Reads a JSON body and answers engine.handle(body) with HTTP 200, like CloudBase (errors carry `code`). */
export function tcbRequestListener(engine: DatabaseEngine): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST' || url.pathname !== '/tcb') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'NOT_FOUND', message: `${req.method} ${url.pathname}` }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      const reply = (payload: object) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(payload));
      };
      if (size > MAX_BODY_BYTES) return reply({ code: 'INVALID_PARAM', message: 'request body too large' });
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply({ code: 'INVALID_PARAM', message: 'request body is not valid JSON' });
      }
      engine.handle(body).then(reply, (e: unknown) => reply({ code: 'SYS_ERR', message: String(e) }));
    });
    req.on('error', () => res.destroy());
  };
}

/** Serves POST /tcb on 127.0.0.1:<port> (0 = ephemeral). */
export function createDatabaseServer(engine: DatabaseEngine, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(tcbRequestListener(engine));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}/tcb`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // The SDK keeps connections alive; drop them so close() does not wait for their idle timeout.
            server.closeAllConnections();
          }),
      });
    });
  });
}
