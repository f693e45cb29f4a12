import { secureHeaders } from 'hono/secure-headers';

/** Strict headers on every answer: scripts only from this origin, never framed, no sniffing. */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      // 'self' takes the page's own origin's websockets too (CSP Level 3): no other host, no ws: anywhere.
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: 'same-origin',
    permissionsPolicy: { camera: ['self'], microphone: [], geolocation: [] },
  });

/**
 * The same headers as a list, for setting them on the Node response directly (server.ts): one
 * `setHeader` each on the way out is much cheaper than Hono rewriting every Response's WHATWG Headers
 * after the handler (which also takes @hono/node-server off its fast path). Derived from the
 * middleware itself, so there is one definition.
 */
export async function securityHeaderEntries(): Promise<[string, string][]> {
  const { Hono } = await import('hono');
  const probe = new Hono();
  probe.use('*', securityHeaders());
  probe.get('/', (c) => c.body(null, 204));
  const res = await probe.request('/');
  return [...res.headers].filter(([name]) => name !== 'content-type' && name !== 'content-length');
}
