// Writes resources/policy/policy.schema.json from the zod schema main checks policies with (a test keeps them equal).
import { writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src-shared/settings/policyJsonSchema';

writeFileSync('resources/policy/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
console.log('resources/policy/policy.schema.json written');
