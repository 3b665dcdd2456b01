import { inject } from 'vue';
import type { GuichetApi } from '../../src-shared/bridge/GuichetApi';
import { guichetKey } from './guichetKey';

export function useGuichet(): GuichetApi {
  const api = inject(guichetKey);
  if (!api) throw new Error('The guichet bridge was not provided to the app.');
  return api;
}
