/**
 * Forms benchmark: validate + compute a 300-field definition with 20 rows in each repeatable group, 1000 times.
 * Run: npx tsx tests/bench/forms.bench.ts. Prints `forms validate_p95_ms <x>`; the Chromium render measurement
 * (render_ms) is added by the renderer's part of the benchmark, which can reuse buildLargeForm/buildLargeValues.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { compileForm, parseFormDefinition, validateForm, type FormDefinition, type FormValues } from '../../src-shared/forms';

const T = (en: string) => ({ de: `${en} (de)`, fr: `${en} (fr)`, en });
const TODAY = '2024-06-15';
const GROUPS = 8;
const CHILDREN = 10;
const TOP_FIELDS = 300 - GROUPS * (CHILDREN + 1);
const ROWS = 20;
const OPTIONS = ['a', 'b', 'c', 'd'].map((v) => ({ value: v, label: T(v.toUpperCase()) }));

/** A leaf field of the i-th kind (cycling through every value type), with rules. */
function leaf(id: string, i: number, rowScope: boolean): Record<string, unknown> {
  const base = { id, label: T(`Field ${id}`), required: i % 3 === 0 };
  switch (i % 12) {
    case 0:
      return { ...base, type: 'text', minLength: 2, maxLength: 80, pattern: '[A-Za-z ]+' };
    case 1:
      return { ...base, type: 'number', min: 0, max: 1000 };
    case 2:
      return { ...base, type: 'money', min: 0, max: 10_000_000 };
    case 3:
      return { ...base, type: 'date', min: '1900-01-01', max: 'today' };
    case 4:
      return { ...base, type: 'email' };
    case 5:
      return { ...base, type: 'phone' };
    case 6:
      return { ...base, type: 'iban' };
    case 7:
      return { ...base, type: 'matricule' };
    case 8:
      return { ...base, type: 'select', options: OPTIONS };
    case 9:
      return { ...base, type: 'checkbox', options: OPTIONS, maxSelected: 3 };
    case 10:
      return rowScope
        ? { ...base, type: 'textarea', maxLength: 500, visibleIf: 'row.c1 > 10' }
        : { ...base, type: 'address' };
    default:
      return { ...base, type: 'textarea', maxLength: 500 };
  }
}

function valueFor(i: number): unknown {
  switch (i % 12) {
    case 0:
      return 'Marie Muller';
    case 1:
      return 42;
    case 2:
      return 123456;
    case 3:
      return '1985-03-14';
    case 4:
      return 'marie.muller@example.lu';
    case 5:
      return '+352 621 123 456';
    case 6:
      return 'LU28 0019 4006 4475 0000';
    case 7:
      return '1893120105732';
    case 8:
      return 'b';
    case 9:
      return ['a', 'c'];
    case 10:
      return { country: 'LU', street: 'Rue de la Gare', number: '12', postalCode: 'L-1611', locality: 'Luxembourg' };
    default:
      return 'Lorem ipsum dolor sit amet.';
  }
}

/** 300 fields: top-level fields of every type, 8 groups of 10 children (one computed per row), totals, rules. */
export function buildLargeForm(): FormDefinition {
  const sections: Record<string, unknown>[] = [];
  let fields: Record<string, unknown>[] = [];
  const flush = () => {
    sections.push({ id: `s${sections.length}`, title: T(`Section ${sections.length}`), fields });
    fields = [];
  };
  for (let i = 0; i < TOP_FIELDS - GROUPS; i++) {
    const field = leaf(`f${i}`, i, false);
    if (i % 25 === 24) field.visibleIf = `f${i - 23} > 10`;
    fields.push(field);
    if (fields.length === 20) flush();
  }
  for (let g = 0; g < GROUPS; g++) {
    const children = Array.from({ length: CHILDREN - 1 }, (_, c) => leaf(`c${c}`, c, true));
    children.push({ id: 'total', type: 'money', label: T('Row total'), compute: '(row.c1 ?? 0) * 100 + (row.c2 ?? 0)' });
    fields.push({
      id: `g${g}`,
      type: 'group',
      label: T(`Group ${g}`),
      minRows: 1,
      maxRows: 50,
      fields: children,
      rules: [{ id: 'row-rule', assert: 'row.c1 <= 1000', fields: ['c1'], message: T('Too many') }],
    });
    fields.push({ id: `g${g}Sum`, type: 'money', label: T(`Total ${g}`), compute: `sum(g${g}.total)` });
  }
  flush();
  const steps = [];
  for (let s = 0; s < sections.length; s += 3) {
    steps.push({ id: `step${s / 3}`, title: T(`Step ${s / 3}`), sections: sections.slice(s, s + 3) });
  }
  return parseFormDefinition({
    schemaVersion: 1,
    id: 'bench-large',
    version: 1,
    audience: 'private',
    requiresAuthentication: true,
    allowsReplies: false,
    signature: 'advanced',
    theme: 'bench',
    etracking: false,
    title: T('Large form'),
    description: T('300 fields'),
    authority: T('Bench'),
    steps,
    rules: [{ id: 'grand', assert: `${Array.from({ length: GROUPS }, (_, g) => `g${g}Sum`).join(' + ')} >= 0`, fields: ['g0Sum'], message: T('Negative') }],
  });
}

export function buildLargeValues(): FormValues {
  const values: FormValues = {};
  for (let i = 0; i < TOP_FIELDS - GROUPS; i++) values[`f${i}`] = valueFor(i);
  for (let g = 0; g < GROUPS; g++) {
    values[`g${g}`] = Array.from({ length: ROWS }, () => {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < CHILDREN - 1; c++) row[`c${c}`] = valueFor(c);
      return row;
    });
  }
  return values;
}

export function countFields(def: FormDefinition): number {
  let n = 0;
  for (const step of def.steps) for (const section of step.sections) for (const f of section.fields) n += 1 + (f.type === 'group' ? f.fields.length : 0);
  return n;
}

/** Validates (with compute) `iterations` times; returns timings in milliseconds. */
export function benchValidate(iterations = 1000): {
  p50: number;
  p95: number;
  max: number;
  /** p95 of the process's CPU time per run: insensitive to other processes competing for the cores. */
  cpuP95: number;
  issues: number;
  fields: number;
} {
  const def = buildLargeForm();
  const values = buildLargeValues();
  compileForm(def);
  let issues = 0;
  for (let i = 0; i < 50; i++) issues = validateForm(def, values, { today: TODAY }).issues.length; // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    validateForm(def, values, { today: TODAY });
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const p = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))] as number;
  return { p50: p(times, 0.5), p95: p(times, 0.95), max: Math.max(...times), cpuP95: p(cpu, 0.95), issues, fields: countFields(def) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchValidate(1000);
  console.log(`forms: ${r.fields} fields, ${GROUPS} groups x ${ROWS} rows, ${r.issues} issues per run`);
  console.log(`forms validate+compute x1000: p50 ${r.p50.toFixed(3)} ms, p95 ${r.p95.toFixed(3)} ms, max ${r.max.toFixed(3)} ms`);
  console.log(`forms validate+compute x1000 (process CPU time): p95 ${r.cpuP95.toFixed(3)} ms; load average ${loadavg()[0]?.toFixed(2)}`);
  console.log(`forms validate_p95_ms ${r.p95.toFixed(3)}`);
}
