// The embedded database lives inside the server process, and a second process may not open its data
// directory while the server runs. So a server on the embedded database listens on a socket in its data
// directory (`.ops.sock`, as private as the directory itself) for `npm run backup`: it copies its data directory,
// consistent as of one instant (connect.ts copyDataDir), where the command asks, and records the backup taken.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../connect.js';
import { backups } from '../schema.js';

export const opsSocketOf = (dataDir: string) => path.join(dataDir, '.ops.sock');

export type OpsRequest = { op: 'copy'; to: string } | { op: 'record'; backup: typeof backups.$inferInsert };

/** Listens for the backup command; returns a function that stops listening and removes the socket. */
export function serveOps(database: Database): () => Promise<void> {
  if (!database.dataDir || database.dataDir.startsWith('memory://') || !database.copyDataDir) return async () => {};
  const file = opsSocketOf(database.dataDir);
  fs.rmSync(file, { force: true }); // left by a server that was killed
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.on('data', async (chunk) => {
      buffered += chunk.toString('utf8');
      const nl = buffered.indexOf('\n');
      if (nl < 0) return;
      socket.pause();
      try {
        const req = JSON.parse(buffered.slice(0, nl)) as OpsRequest;
        if (req.op === 'copy') {
          if (!path.isAbsolute(req.to) || fs.existsSync(req.to)) throw new Error('the copy goes to a new absolute path');
          await database.copyDataDir!(req.to);
          socket.end('ok\n');
        } else if (req.op === 'record') {
          await database.db.insert(backups).values(req.backup);
          socket.end('ok\n');
        } else {
          socket.end('error unknown op\n');
        }
      } catch (err) {
        socket.end(`error ${err instanceof Error ? err.message : JSON.stringify(err)}\n`);
      }
    });
    socket.on('error', () => {});
  });
  server.on('error', (err) => console.warn(`backup socket ${file}: ${err.message}`));
  server.listen(file, () => fs.chmodSync(file, 0o600));
  server.unref();
  return () => new Promise<void>((resolve) => server.close(() => { fs.rmSync(file, { force: true }); resolve(); }));
}

/** Asks a running server; null when none listens (the command then opens the data directory itself). */
export function askServer(dataDir: string, req: OpsRequest): Promise<Buffer | null> {
  const file = opsSocketOf(dataDir);
  if (!fs.existsSync(file)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = net.connect(file);
    const parts: Buffer[] = [];
    socket.on('connect', () => socket.write(`${JSON.stringify(req)}\n`));
    socket.on('data', (d) => parts.push(Buffer.from(d)));
    socket.on('end', () => resolve(Buffer.concat(parts)));
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNREFUSED' || err.code === 'ENOENT' ? resolve(null) : reject(err)));
  });
}
