import { createBridge } from '../../../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../../../src-shared/contract/contract';
import { createWsTransport } from './createWsTransport';

// Loaded by the dev host before the app: gives the page the same window.guichet as the preload gives the Electron app.
const token = new URLSearchParams(location.search).get('devhost-token') ?? '';
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/__devhost/ws?token=${encodeURIComponent(token)}`;
Object.defineProperty(window, 'guichet', {
  value: createBridge({ calls: contractCalls, events: contractEvents }, createWsTransport(wsUrl)),
  writable: false,
  configurable: false,
});
