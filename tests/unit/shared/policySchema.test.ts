import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { policyJsonSchema } from '../../../src-shared/settings/policyJsonSchema';
import { parsePolicyDocument } from '../../../src-main/policy/parsePolicyDocument';

const committed = JSON.parse(readFileSync('resources/policy/policy.schema.json', 'utf8')) as Record<string, unknown>;
const example = JSON.parse(readFileSync('resources/policy/policy.example.json', 'utf8')) as Record<string, unknown>;

describe('the policy format shipped for administrators', () => {
  it('the committed JSON Schema is the one main checks with (`npm run policy:schema` after a change)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(policyJsonSchema())));
  });

  it('the example passes both the JSON Schema and main’s check, and a misspelt key fails both', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(committed);
    expect(validate(example)).toBe(true);
    expect(parsePolicyDocument('example', example).managed.idleLockMinutes).toBe(5);

    const misspelt = { managed: { idleLockMinute: 5 } };
    expect(validate(misspelt)).toBe(false);
    expect(() => parsePolicyDocument('misspelt', misspelt)).toThrow(/idleLockMinute: unknown setting/);
  });
});
