/**
 * Forms benchmark: validate + compute a 300-field definition with 20 rows in each repeatable group, 1000 times.
 * Then renders it in Chromium (benchRender). Run: npm run bench -- forms. Last line:
 * `forms validate_p95_ms <x> render_ms <y>` (render_ms: first render of all steps at once, median of 5 fresh pages).
 */
import { loadavg, tmpdir } from 'node:os';
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


/** Browser side: mounts the real FormRenderer (every step, or the wizard) and reports the time to the next frame. */
const RENDER_PAGE_TS = `import { createApp, h, markRaw, nextTick } from 'vue';
import { parseAndCompile, type FormValues } from '@repo/src-shared/forms';
import FormRenderer from '@repo/src-renderer/forms/FormRenderer.vue';
import ReviewStep from '@repo/src-renderer/forms/ReviewStep.vue';
import { evaluateForm } from '@repo/src-shared/forms/evaluateForm';
import { submissionValues } from '@repo/src-shared/forms';
import { createAppI18n } from '@repo/src-renderer/i18n/createAppI18n';
import '@repo/src-renderer/styles/main.css';
import '@repo/src-renderer/styles/forms.css';

async function run(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const allSteps = params.get('mode') === 'full';
  const [definition, values] = (await Promise.all([fetch('./form.json').then((r) => r.json()), fetch('./values.json').then((r) => r.json())])) as [unknown, FormValues];
  const t0 = performance.now();
  const form = markRaw(parseAndCompile(definition));
  const t1 = performance.now();
  const today = '2024-06-15';
  // 'review': the review step alone, listing every answer (the app's other screen that shows the whole form).
  const app =
    params.get('mode') === 'review'
      ? createApp({ render: () => h(ReviewStep, { form, state: evaluateForm(form, values, { today }), sent: submissionValues(form, values, { today }), locale: 'en' }) })
      : createApp({ render: () => h(FormRenderer, { form, values, allSteps, today }) });
  app.use(createAppI18n('en'));
  app.mount('#app');
  const tMount = performance.now();
  await nextTick();
  await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
  const t2 = performance.now();
  (window as unknown as { benchResult: unknown }).benchResult = {
    compileMs: t1 - t0,
    renderMs: t2 - t1,
    mountMs: tMount - t1,
    fields: document.querySelectorAll('.form-field').length,
    controls: document.querySelectorAll('input, select, textarea').length,
  };
}

void run();
`;

const RENDER_PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>forms render bench</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="./renderBench.ts"></script>
  </body>
</html>
`;

/**
 * Renders the same form in Chromium (playwright-core driving /usr/bin/chromium): builds tests/bench/render with Vite,
 * serves it on loopback, and mounts the real FormRenderer with all 300 fields (every step at once) and with the
 * wizard's first step, in fresh pages. Returns the median first-render times in milliseconds.
 */
export async function benchRender(runs = 5): Promise<{ fullMs: number; fullMountMs: number; wizardMs: number; reviewMs: number; compileMs: number; controls: number }> {
  const { mkdir, mkdtemp, rm, writeFile, readFile } = await import('node:fs/promises');
  const { createServer } = await import('node:http');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const { build } = await import('vite');
  const vue = (await import('@vitejs/plugin-vue')).default;
  const { chromium } = await import('playwright-core');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const outDir = await mkdtemp(path.join(tmpdir(), 'forms-render-bench-'));
  try {
    // The page lives in a temporary root (it is browser code, outside the Node type-check of tests/bench).
    const repo = path.resolve(here, '../..');
    // Inside the repository, so that the page's bare imports ('vue') resolve from its node_modules.
    await mkdir(path.join(repo, 'node_modules', '.tmp'), { recursive: true });
    const root = await mkdtemp(path.join(repo, 'node_modules', '.tmp', 'forms-render-page-'));
    await writeFile(path.join(root, 'index.html'), RENDER_PAGE_HTML);
    await writeFile(path.join(root, 'renderBench.ts'), RENDER_PAGE_TS.replaceAll('@repo/', `${repo}/`));
    try {
      await build({ configFile: false, logLevel: 'error', root, base: './', plugins: [vue()], build: { outDir, emptyOutDir: true, target: 'es2022', minify: !process.env.FORMS_BENCH_PROFILE } });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    await writeFile(path.join(outDir, 'form.json'), JSON.stringify(buildLargeForm()));
    await writeFile(path.join(outDir, 'values.json'), JSON.stringify(buildLargeValues()));
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
    const server = createServer(async (req, res) => {
      const name = path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
      const file = path.join(outDir, name);
      if (!file.startsWith(outDir)) return void res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const measure = async (mode: string) => {
        const results: Array<{ renderMs: number; mountMs: number; compileMs: number; controls: number }> = [];
        for (let i = 0; i < runs; i++) {
          const page = await browser.newPage();
          await page.goto(`http://127.0.0.1:${port}/index.html?mode=${mode}`);
          await page.waitForFunction('window.benchResult !== undefined', undefined, { timeout: 30_000 });
          results.push((await page.evaluate('window.benchResult')) as { renderMs: number; mountMs: number; compileMs: number; controls: number });
          await page.close();
        }
        results.sort((a, b) => a.renderMs - b.renderMs);
        return results[Math.floor(results.length / 2)] as { renderMs: number; mountMs: number; compileMs: number; controls: number };
      };
      if (process.env.FORMS_BENCH_PROFILE) {
        // Diagnostics: where the all-steps render spends its time (self time per function, top 25).
        const page = await browser.newPage();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await page.goto(`http://127.0.0.1:${port}/index.html?mode=full`);
        await page.waitForFunction('window.benchResult !== undefined', undefined, { timeout: 30_000 });
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>; samples: number[]; timeDeltas: number[] } };
        const self = new Map<number, number>();
        profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
        const byName = new Map<string, number>();
        for (const node of profile.nodes) {
          const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
          byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
        }
        for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`profile ${(us / 1000).toFixed(1)} ms ${name}`);
        await page.close();
      }
      const full = await measure('full');
      const wizard = await measure('wizard');
      const review = await measure('review');
      return { fullMs: full.renderMs, fullMountMs: full.mountMs, wizardMs: wizard.renderMs, reviewMs: review.renderMs, compileMs: full.compileMs, controls: full.controls };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchValidate(1000);
  console.log(`forms: ${r.fields} fields, ${GROUPS} groups x ${ROWS} rows, ${r.issues} issues per run`);
  console.log(`forms validate+compute x1000: p50 ${r.p50.toFixed(3)} ms, p95 ${r.p95.toFixed(3)} ms, max ${r.max.toFixed(3)} ms`);
  console.log(`forms validate+compute x1000 (process CPU time): p95 ${r.cpuP95.toFixed(3)} ms; load average ${loadavg()[0]?.toFixed(2)}`);
  const render = await benchRender(5);
  console.log(`forms render in Chromium (median of 5 fresh pages): wizard first step ${render.wizardMs.toFixed(1)} ms, review of every answer ${render.reviewMs.toFixed(1)} ms; compile ${render.compileMs.toFixed(1)} ms`);
  // A stress figure, not a screen of the app: every step's controls mounted at once.
  console.log(`forms stress: all steps at once ${render.fullMs.toFixed(1)} ms (${render.controls} controls; Vue mount ${render.fullMountMs.toFixed(1)} ms)`);
  // render_ms: the first render of the slowest screen the app shows for this form (its first step, or the review).
  console.log(`forms validate_p95_ms ${r.p95.toFixed(3)} render_ms ${Math.max(render.wizardMs, render.reviewMs).toFixed(1)}`);
}
