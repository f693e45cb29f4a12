import fs from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppContext, AppEnv } from '../context.js';
import { shareMeta, withMeta } from './share-meta.js';

/** Serves the built client; any other path that is not an API, asset or socket path gets the SPA shell. */
export function serveClient(app: Hono<AppEnv>, clientDir: string, ctx?: AppContext) {
  const root = path.relative(process.cwd(), clientDir) || '.';
  const indexFile = path.join(clientDir, 'index.html');
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root }));
  app.get('/assets/*', (c) => c.text('not found', 404));
  app.use('*', serveStatic({ root }));
  let shell: string | null = null;
  // PUBLIC_URL as configured, read before the server listens (it then falls back on the listening address,
  // which a page asked for under another name must not print): the 民生码 and other printed QR codes encode
  // it when set, else the origin the page was asked for (client/src/pages/mscode/origin.ts).
  const publicUrl = ctx?.publicUrl ?? '';
  const withPublicUrl = (html: string) => (publicUrl
    ? html.replace('</head>', () => `<meta name="minsheng-public-url" content="${publicUrl.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}" /></head>`)
    : html);
  app.get('*', async (c) => {
    if (c.req.path.startsWith('/socket.io')) return c.text('not found', 404);
    if (!fs.existsSync(indexFile)) return c.text('客户端尚未构建：请运行 npm run build / client not built: run npm run build', 503);
    c.header('Cache-Control', 'no-cache');
    shell ??= withPublicUrl(fs.readFileSync(indexFile, 'utf8'));
    // A page of one public thing carries its own title and description, for links shared in chats.
    const meta = ctx ? await shareMeta(ctx, c.req.path).catch(() => null) : null;
    return c.html(withMeta(shell, meta));
  });
}
