// The client side of the server's local API (server/routes/local.ts, issue 10 critical 2): when a
// `dxe serve` owns the embedded data folder, a command that writes goes through it instead of
// opening the folder. With PostgreSQL there is no such owner and commands open the database.
import type { Config } from '../config.js';
import { DxeError, ERROR_CODES, type ErrorCode } from '../core/errors.js';

export interface LocalApi {
  url: string;
  post<T>(path: string, body: unknown): Promise<T>;
}

/** The running server that owns this configuration's data folder, or null (open it directly). */
export async function localApiFor(config: Config): Promise<LocalApi | null> {
  if (config.DATABASE_URL) return null;
  const { findRunningServer } = await import('../app/runtime/local-server.js');
  const server = findRunningServer(config.DATA_DIR);
  if (!server) return null;
  return {
    url: server.url,
    async post<T>(path: string, body: unknown): Promise<T> {
      let res: Response;
      try {
        res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
          body: JSON.stringify(body),
        });
      } catch (err) {
        throw new DxeError(
          'DATA_DIR_LOCKED',
          `数据目录 ${config.DATA_DIR} 属于正在运行的服务（进程 ${server.pid}，${server.url}），但无法连接它：${(err as Error).message}。` +
            '请确认服务正常，或先停止服务再执行此命令。',
        );
      }
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: reported below.
      }
      if (!res.ok) {
        const e = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
        const code = e?.code && e.code in ERROR_CODES ? (e.code as ErrorCode) : 'INTERNAL';
        throw new DxeError(code, e?.message ?? `服务返回 ${res.status}`, e?.details);
      }
      return parsed as T;
    },
  };
}
