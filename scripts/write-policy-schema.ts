// Writes resources/policy/policy.schema.json from the zod schema main checks policies with, and the Group Policy
// templates (ADMX/ADML) and macOS profile example made from the same schema (tests keep them all equal).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyJsonSchema } from '../src-shared/settings/policyJsonSchema';
import { policyTemplates } from './policy/policyTemplates';

writeFileSync('resources/policy/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log('resources/policy/policy.schema.json written');
for (const [file, text] of Object.entries(policyTemplates())) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`${file} written`);
}
