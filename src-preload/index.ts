import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../src-shared/bridge/createBridge';
import { contractCalls, contractEvents } from '../src-shared/contract/contract';
import { createIpcTransport } from './createIpcTransport';

// The only thing the page gets: named methods for the contract's calls and a listener for its events.
contextBridge.exposeInMainWorld('guichet', createBridge({ calls: contractCalls, events: contractEvents }, createIpcTransport(ipcRenderer)));
