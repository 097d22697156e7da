// Serves the agent workbench (web/dist, built by `npm run build:web`) at `/`. Asset files are
// served by @fastify/static; every other GET outside /api and /widget gets index.html so deep
// links (/inbox/…) work (SPA fallback). Without a build, a Chinese page says how to make one.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DxeError } from '../../core/errors.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** web/dist next to the source tree, or under the working directory (installed elsewhere). */
export function findWebDist(): string | null {
  for (const dir of [resolve(HERE, '../../../web/dist'), resolve('web/dist')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>店小二 · 工作台未构建</title></head>
<body style="font-family: sans-serif; max-width: 640px; margin: 64px auto; line-height: 1.7">
<h1 style="color:#ff5000">店小二客服工作台尚未构建</h1>
<p>服务已启动，接口可用（<code>/api/v1</code>），但找不到网页界面的构建结果 <code>web/dist</code>。</p>
<p>请在项目目录运行：</p>
<pre style="background:#f5f5f5;padding:12px">npm run build:web</pre>
<p>然后刷新本页面。</p>
</body></html>`;

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url === '/widget' || url.startsWith('/widget/');
}

const webRoutes: FastifyPluginAsync = async (app) => {
  const dist = findWebDist();
  const indexHtml = dist ? readFileSync(join(dist, 'index.html'), 'utf8') : null;

  if (dist) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      wildcard: false,
      index: false,
      decorateReply: false,
      setHeaders(res, path) {
        // Hashed asset names never change content; index.html must always be fresh.
        res.setHeader('cache-control', path.includes(`${'/assets/'}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) throw new DxeError('NOT_FOUND');
    if (!indexHtml) return reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  };
  app.get('/', page);
  app.get('/*', page);
};
export default webRoutes;
