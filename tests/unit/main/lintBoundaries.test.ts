import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('lint rules keep the process boundaries', () => {
  it.each([
    ['src-renderer/views/Bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src-renderer/views/Bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['src-renderer/views/Bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src-shared/Bad.ts', "import { createHash } from 'node:crypto';\nexport const x = createHash;\n"],
    ['src-shared/Bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/vault/Bad.ts', "import { safeStorage } from 'electron';\nexport const x = safeStorage;\n"],
    ['src-main/ipc/Bad.ts', "import { ipcMain } from 'electron/main';\nexport const x = ipcMain;\n"],
  ])('%s may not import it', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['src-renderer/views/Bad.ts', "import { VaultService } from '../../src-main/vault/VaultService';\nexport const x = VaultService;\n"],
    ['src-renderer/stores/Bad.ts', "import type { Logger } from '../../src-main/log/Logger';\nexport type X = Logger;\n"],
    ['src-renderer/Bad.ts', "export { createMainContext } from '../src-main/createMainContext';\n"],
    ['src-shared/contract/Bad.ts', "import { isAllowedExternalUrl } from '../../src-main/app-policy/isAllowedExternalUrl';\nexport const x = isAllowedExternalUrl;\n"],
    ['src-preload/Bad.ts', "import { bindIpc } from '../src-main/app/bindIpc';\nexport const x = bindIpc;\n"],
    ['tools/devhost/page/Bad.ts', "import { APP_ORIGIN } from '../../../src-main/app/appProtocol';\nexport const x = APP_ORIGIN;\n"],
  ])('%s may not import from src-main', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([expect.stringContaining('Main is reached only through the contract')]);
  });

  it.each([
    ['src-shared/contract/Bad.ts', "import { useVaultStore } from '../../src-renderer/stores/useVaultStore';\nexport const x = useVaultStore;\n"],
    ['src-shared/Bad.ts', "import { createIpcTransport } from '../src-preload/createIpcTransport';\nexport const x = createIpcTransport;\n"],
  ])('%s may not import the renderer or the preload', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([expect.stringContaining('src-shared is imported by every process')]);
  });

  it('keeps the node and electron bans for src-shared next to its folder bans', async () => {
    expect(await restrictedImportErrors('src-shared/Bad.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toEqual([]);
    expect(await restrictedImportErrors('src-shared/Bad.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).not.toEqual([]);
  });

  it('fails lint for a .vue component importing from src-main', async () => {
    const code = `<script setup lang="ts">\nimport { APP_ORIGIN } from '../../src-main/app/appProtocol';\nconst x = APP_ORIGIN;\n</script>\n<template><p>{{ x }}</p></template>\n`;
    expect(await restrictedImportErrors('src-renderer/components/Bad.vue', code)).toEqual([expect.stringContaining('Main is reached only through the contract')]);
  });

  it('fails lint for a .vue component importing node:fs', async () => {
    const code = `<script setup lang="ts">\nimport { readFileSync } from 'node:fs';\nconst x = readFileSync;\n</script>\n<template><p>{{ x }}</p></template>\n`;
    expect(await restrictedImportErrors('src-renderer/components/Bad.vue', code)).not.toEqual([]);
  });

  it.each([
    ['src-main/app/Good.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/main.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/vault/Good.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src-renderer/Good.ts', "import { ref } from 'vue';\nexport const x = ref;\n"],
    ['src-renderer/stores/Good.ts', "import { contractCalls } from '../../src-shared/contract/contract';\nexport const x = contractCalls;\n"],
    ['src-preload/Good.ts', "import { contextBridge } from 'electron';\nimport { createBridge } from '../src-shared/bridge/createBridge';\nexport const x = [contextBridge, createBridge];\n"],
    ['src-main/ipc/Good.ts', "import { contractCalls } from '../../src-shared/contract/contract';\nexport const x = contractCalls;\n"],
    ['tests/unit/renderer/Good.ts', "import { useVaultStore } from '../../../src-renderer/stores/useVaultStore';\nexport const x = useVaultStore;\n"],
  ])('%s may import what it needs', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
