// The bridge's HTTP client: POSTs one reply (docs/openapi-bridge.yaml, ReplyDelivery) to the
// shop's callback URL. A slow or dead bridge costs at most the timeout; the outbox retries.
import type { PostJson } from '../../app/delivery/bridge-outbox.js';

const TIMEOUT_MS = 10_000;

export const postJson: PostJson = async (url, body) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  // Drain the body so the connection can be reused.
  await res.arrayBuffer().catch(() => undefined);
  return { ok: res.ok, status: res.status };
};
