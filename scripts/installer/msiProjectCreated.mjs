// @ts-check
// electron-builder's msiProjectCreated hook (electron-builder.yml): called with the path of the generated project.wxs
// before WiX compiles it.
import { readFile, writeFile } from 'node:fs/promises';
import { addMachinePolicyToWxs } from './addMachinePolicyToWxs.mjs';

/** @param {string} projectFile */
export default async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addMachinePolicyToWxs(await readFile(projectFile, 'utf8')));
}
