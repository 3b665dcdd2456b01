/// <reference types="vite/client" />
import type { GuichetApi } from '../src-shared/bridge/GuichetApi';

declare global {
  interface Window {
    /** Given by the preload (Electron) or the dev host's page bridge; the renderer's only way to main. */
    readonly guichet?: GuichetApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

export {};
