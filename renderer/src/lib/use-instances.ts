import { useCallback, useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';

export type InstancesState =
  | { state: 'loading' }
  | { state: 'ready'; instances: InstanceSummary[] }
  | { state: 'error'; message: string };

/** The instance list from the backend, and a refresh for after anything changes it. */
export function useInstances() {
  const [list, setList] = useState<InstancesState>({ state: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const { instances } = await api.instances.list();
      setList({ state: 'ready', instances });
      return instances;
    } catch (error) {
      setList({ state: 'error', message: messageOf(error) });
      return [];
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { list, refresh };
}
