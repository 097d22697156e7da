// Loading a resource for a screen: data, error, whether the route exists yet (404 → missing),
// and reload. Requests of an unmounted screen are aborted.
import { useCallback, useEffect, useState } from 'react';
import { get, isMissingRoute } from './api.js';

export interface Resource<T> {
  data: T | null;
  error: Error | null;
  missing: boolean;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(path: string | null): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: Error | null; missing: boolean; loading: boolean }>({
    data: null,
    error: null,
    missing: false,
    loading: path !== null,
  });
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    get<T>(path, ctl.signal).then(
      (data) => setState({ data, error: null, missing: false, loading: false }),
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState({
          data: null,
          error: error instanceof Error ? error : new Error(String(error)),
          missing: isMissingRoute(error),
          loading: false,
        });
      },
    );
    return () => ctl.abort();
  }, [path, nonce]);
  return { ...state, reload };
}

/** A clock that ticks every `ms` so waiting times count up live. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
