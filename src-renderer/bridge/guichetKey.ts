import type { InjectionKey } from 'vue';
import type { GuichetApi } from '../../src-shared/bridge/GuichetApi';

/** The bridge is provided to the app at start (window.guichet) or by tests (a bridge to a real in-process main). */
export const guichetKey: InjectionKey<GuichetApi> = Symbol('guichet');
