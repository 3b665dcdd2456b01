import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FormDefinitionError, parseFormDefinition, type Field, type FormDefinition } from '../../../../src-shared/forms';
import { defWith, T } from './helpers';

const formsDir = fileURLToPath(new URL('../../../../resources/forms/', import.meta.url));
const index = JSON.parse(readFileSync(`${formsDir}index.json`, 'utf8')) as { forms: { id: string; file: string; version: number }[] };
const fixtures = index.forms.map((entry) => ({ entry, json: readFileSync(`${formsDir}${entry.file}`, 'utf8') }));

function refused(input: unknown): { path: string; code?: string; message: string }[] {
  try {
    parseFormDefinition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FormDefinitionError);
    expect((error as FormDefinitionError).name).toBe('FormDefinitionError');
    return (error as FormDefinitionError).issues;
  }
  throw new Error('definition was accepted');
}

describe('fixture definitions', () => {
  it('lists at least 6 procedures', () => {
    expect(index.forms.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures.map((f) => [f.entry.id, f] as const))('%s parses and matches its index entry', (_id, { entry, json }) => {
    const def = parseFormDefinition(json);
    expect(def.id).toBe(entry.id);
    expect(def.version).toBe(entry.version);
  });

  it('together use every field type, rule and feature', () => {
    const defs = fixtures.map((f) => parseFormDefinition(f.json));
    const fields: Field[] = [];
    const walk = (list: readonly Field[]) => {
      for (const field of list) {
        fields.push(field);
        if (field.type === 'group') walk(field.fields);
      }
    };
    defs.forEach((d) => d.steps.forEach((s) => s.sections.forEach((x) => walk(x.fields))));
    const types = new Set(fields.map((f) => f.type));
    for (const type of ['text', 'textarea', 'number', 'money', 'date', 'email', 'phone', 'iban', 'matricule', 'address', 'select', 'radio', 'checkbox', 'file', 'info', 'group']) {
      expect(types, type).toContain(type);
    }
    const has = (key: string) => fields.some((f) => key in f && (f as Record<string, unknown>)[key] !== undefined);
    for (const key of ['required', 'requiredIf', 'pattern', 'min', 'max', 'minLength', 'maxLength', 'visibleIf', 'compute', 'prefill', 'minRows', 'maxRows', 'minCount', 'maxCount', 'minSelected', 'rules']) {
      expect(has(key), key).toBe(true);
    }
    expect(fields.some((f) => f.type === 'checkbox' && f.options)).toBe(true);
    expect(fields.some((f) => f.type === 'checkbox' && !f.options)).toBe(true);
    expect(defs.some((d) => d.rules?.length)).toBe(true);
    expect(defs.some((d) => d.steps.some((s) => s.visibleIf))).toBe(true);
    expect(defs.some((d) => d.steps.some((s) => s.sections.some((x) => x.visibleIf)))).toBe(true);
    expect(defs.some((d) => d.audience === 'professional') && defs.some((d) => !d.requiresAuthentication) && defs.some((d) => d.etracking)).toBe(true);
  });
});

describe('invalid definitions are refused as a whole, pointing at the bad part', () => {
  const base = () => defWith([{ id: 'a', type: 'number', label: T('A') }, { id: 'b', type: 'number', label: T('B') }]) as unknown as FormDefinition;
  const field = (def: FormDefinition, i: number) => (def.steps[0]?.sections[0]?.fields[i] ?? {}) as Record<string, unknown>;

  it('schema errors: missing translation, unknown type, bad id, extra key', () => {
    const d1 = base();
    (d1.title as Record<string, unknown>).fr = undefined;
    expect(refused(d1).map((i) => i.path)).toContain('title.fr');
    const d2 = base();
    field(d2, 1).type = 'slider';
    expect(refused(d2).map((i) => i.path)).toContain('steps[0].sections[0].fields[1].type');
    const d3 = base();
    field(d3, 0).id = 'Bad-Id';
    expect(refused(d3).map((i) => i.path)).toContain('steps[0].sections[0].fields[0].id');
    const d4 = base();
    field(d4, 0).colour = 'red';
    expect(refused(d4)[0]?.path).toBe('steps[0].sections[0].fields[0]');
    expect(refused('{ not json')[0]?.code).toBe('json');
    expect(refused({ ...base(), schemaVersion: 2 })[0]?.path).toBe('schemaVersion');
  });

  it('duplicate ids', () => {
    const d = base();
    field(d, 1).id = 'a';
    expect(refused(d)).toContainEqual(expect.objectContaining({ path: 'steps[0].sections[0].fields[1].id', code: 'duplicate' }));
  });

  it('expressions that do not parse, with position', () => {
    const d = base();
    field(d, 1).visibleIf = 'a > ';
    const [problem] = refused(d);
    expect(problem).toMatchObject({ path: 'steps[0].sections[0].fields[1].visibleIf', code: 'expression' });
    expect(problem?.message).toMatch(/position 4/);
  });

  it('references to unknown fields, rows outside groups, info texts, parts of scalars', () => {
    const cases: [string, RegExp][] = [
      ['nope > 1', /unknown field 'nope'/],
      ['row.a', /only available inside a repeatable group/],
      ['a.street', /does not exist/],
    ];
    for (const [source, message] of cases) {
      const d = base();
      field(d, 1).compute = source;
      const issues = refused(d);
      expect(issues[0]).toMatchObject({ path: 'steps[0].sections[0].fields[1].compute', code: 'unknownReference' });
      expect(issues[0]?.message).toMatch(message);
    }
    const d = base();
    d.rules = [{ id: 'r', assert: 'a > 0', fields: ['zzz'], message: T('x') }];
    expect(refused(d)[0]?.path).toBe('rules[0].fields[0]');
  });

  it('cycles of computed values and of visibility', () => {
    const d1 = base();
    field(d1, 0).compute = 'b + 1';
    field(d1, 1).compute = 'a + 1';
    const [cycle] = refused(d1);
    expect(cycle?.code).toBe('cycle');
    expect(cycle?.path).toMatch(/^steps\[0\]\.sections\[0\]\.fields\[[01]\]\.compute$/);
    const d2 = base();
    field(d2, 0).visibleIf = 'b > 1';
    field(d2, 1).visibleIf = 'a > 1';
    expect(refused(d2)[0]?.code).toBe('cycle');
    const d3 = base();
    field(d3, 0).visibleIf = 'a > 1';
    expect(refused(d3)[0]).toMatchObject({ code: 'cycle', path: 'steps[0].sections[0].fields[0].visibleIf' });
  });

  it('inconsistent bounds, bad patterns, computed select, duplicate options', () => {
    const d = defWith([
      { id: 'n', type: 'number', label: T('N'), min: 5, max: 1 },
      { id: 't', type: 'text', label: T('T'), pattern: '([a-z' },
      { id: 's', type: 'select', label: T('S'), compute: '1', options: [{ value: 'x', label: T('X') }, { value: 'x', label: T('X') }] },
    ]);
    const paths = refused(d).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'steps[0].sections[0].fields[0].min',
        'steps[0].sections[0].fields[1].pattern',
        'steps[0].sections[0].fields[2].compute',
        'steps[0].sections[0].fields[2].options[1].value',
      ]),
    );
  });

  it('reserved and prototype names as ids', () => {
    for (const id of ['row', 'constructor', 'prototype', '__proto__']) {
      const d = base();
      field(d, 0).id = id;
      expect(refused(d)[0]?.path).toBe('steps[0].sections[0].fields[0].id');
    }
  });
});
