// The bridge's HTTP client: POSTs one reply (docs/openapi-bridge.yaml, ReplyDelivery) to the
// shop's callback URL. A slow or dead bridge costs at most the timeout; the outbox retries.
// node:http with keep-alive agents rather than fetch: under load every reply is one POST, and
// fetch's streams and abort signals cost several times the CPU of a plain request (issue 9).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { PostJson } from '../../app/delivery/bridge-outbox.js';

const TIMEOUT_MS = 10_000;
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 32 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }),
};

export const postJson: PostJson = (url, body) => {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`unsupported callback URL scheme ${target.protocol}`));
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: TIMEOUT_MS,
      },
      (res: IncomingMessage) => {
        // Drain the body so the connection can be reused.
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the callback URL within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
};
