// Runs Electronegativity's scanner on one folder, offline, and writes its findings as JSON.
// Usage: node runElectronegativity.mjs <input folder> <options JSON> <output file>
// Run in its own process: the scanner registers globals (i18n's __) and its CLI would fetch translations and
// Electron's release list over the network. Here every outgoing connection fails before it is made.
import { writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import net from 'node:net';

const [input, optionsJson, outputFile] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}');
const blocked = [];

net.Socket.prototype.connect = function connect(...args) {
  blocked.push(typeof args[0] === 'object' ? `${args[0]?.host ?? ''}:${args[0]?.port ?? args[0]?.path ?? ''}` : String(args[0]));
  throw new Error('The audit runs offline: no network connection.');
};
// `got` is the scanner's only HTTP client (translations; the excluded release-notes check): answer as offline.
const offline = () => Promise.reject(new Error('The audit runs offline.'));
Object.assign(offline, { get: offline, head: offline });
const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request === 'got') {
    blocked.push('got');
    return offline;
  }
  return load.call(this, request, ...rest);
};

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const result = await run({ input, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], ...options }, false);
writeFileSync(
  outputFile,
  JSON.stringify({
    globalChecks: result.globalChecks,
    atomicChecks: result.atomicChecks,
    errors: result.errors,
    blocked,
    findings: result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file,
      line: issue.location?.line ?? 0,
      sample: (issue.sample ?? '').trim(),
      severity: issue.severity?.name,
      confidence: issue.confidence?.name,
      manualReview: issue.manualReview === true,
    })),
  }),
);
