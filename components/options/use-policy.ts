import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendUiApp, type PolicySnapshot } from '../../lib/messaging/ui-protocol';

/** The policy snapshot from the background, reloaded on demand after a change. */
export function usePolicySnapshot() {
  const [snapshot, setSnapshot] = useState<PolicySnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setSnapshot(await sendUiApp('ui-app:get-policy', {}));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { snapshot, error, reload };
}

export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
