// Security headers on every response (issue 10, minor) through @fastify/helmet: a CSP the built
// workbench (web/dist: module scripts from /assets, antd's runtime <style> tags) and the widget's
// demo page work under, no framing by other sites (frame-ancestors 'none' and X-Frame-Options
// DENY), nosniff, no referrer across origins. The widget script is the one resource other sites
// load (a seller's pages embed it), so it alone is marked cross-origin.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd (CSS-in-JS) and the widget inject <style> elements at run time.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  // 'self' covers the same-origin ws:/wss: socket (CSP level 3).
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Served over plain http on 127.0.0.1 too: no upgrade, and HSTS only matters behind https.
    hsts: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/widget/widget.js')) void reply.header('cross-origin-resource-policy', 'cross-origin');
    return payload;
  });
}
