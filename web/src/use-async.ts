// Loads data for a component and re-loads when its key changes; stale answers are dropped.
import { useCallback, useEffect, useState } from 'react';

export type Async<T> = { state: 'loading'; data?: T } | { state: 'ready'; data: T } | { state: 'error'; error: Error; data?: T };

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Async<T> & { reload: () => void } {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResult((previous) => ({ state: 'loading', data: previous.data }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResult({ state: 'ready', data }),
      (error: Error) => !controller.signal.aborted && setResult((previous) => ({ state: 'error', error, data: previous.data })),
    );
    return () => controller.abort();
    // `key` stands for everything `load` depends on, so callers can pass inline closures.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, reload };
}
