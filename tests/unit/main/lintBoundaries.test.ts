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

  it('fails lint for a .vue component importing node:fs', async () => {
    const code = `<script setup lang="ts">\nimport { readFileSync } from 'node:fs';\nconst x = readFileSync;\n</script>\n<template><p>{{ x }}</p></template>\n`;
    expect(await restrictedImportErrors('src-renderer/components/Bad.vue', code)).not.toEqual([]);
  });

  it.each([
    ['src-main/app/Good.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/main.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src-main/vault/Good.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src-renderer/Good.ts', "import { ref } from 'vue';\nexport const x = ref;\n"],
  ])('%s may import what it needs', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });
});
