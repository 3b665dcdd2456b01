import type { CompiledField, CompiledForm, CompiledGroup } from './CompiledForm';
import type { FormState } from './FormState';
import type { FormValues } from './FormValues';
import { isTruthy, type EvaluationContext } from './expression/compileExpression';
import { readOwn } from './expression/evaluateExpression';
import { localIsoDate } from './validators/formatIsoDate';

export interface EvaluateOptions {
  /** Today's date 'yyyy-mm-dd' for today(), age() and relative date bounds; the local date by default. */
  today?: string;
}

/** Rows of a group value (anything else counts as no rows). */
export function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

function normalizeComputed(field: CompiledField, value: unknown): unknown {
  switch (field.field.type) {
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'date':
      return typeof value === 'string' ? value : null;
    default:
      return value === null || value === undefined ? null : typeof value === 'object' ? null : String(value);
  }
}

/**
 * Works out, in dependency order, which steps, sections, fields and row cells are visible and what computed fields
 * hold. In expressions a hidden field reads as null.
 */
export function evaluateForm(form: CompiledForm, input: FormValues, options: EvaluateOptions = {}): FormState {
  const today = options.today ?? localIsoDate();
  const values: FormValues = { ...input };
  const state: FormState = {
    values,
    today,
    hiddenSteps: new Set(),
    hiddenSections: new Set(),
    hiddenFields: new Set(),
    hiddenCells: new Map(),
  };
  // Groups whose rows get computed values are copied so that the input is never mutated.
  for (const group of form.groups.values()) {
    const rows = values[group.key];
    if (!Array.isArray(rows)) continue;
    const hasComputed = [...group.children.values()].some((c) => c.compute);
    if (hasComputed) values[group.key] = rows.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? { ...r } : {}));
  }

  const topContext = contextFor(form, state);

  for (const node of form.order) {
    switch (node.kind) {
      case 'stepVisible': {
        const visible = !node.step.visibleIf || isTruthy(node.step.visibleIf(topContext));
        if (!visible) state.hiddenSteps.add(node.step.step.id);
        break;
      }
      case 'sectionVisible': {
        const visible =
          !state.hiddenSteps.has(node.step.step.id) && (!node.section.visibleIf || isTruthy(node.section.visibleIf(topContext)));
        if (!visible) state.hiddenSections.add(node.section.section.id);
        break;
      }
      case 'fieldVisible': {
        const visible =
          !state.hiddenSections.has(node.section.section.id) && (!node.field.visibleIf || isTruthy(node.field.visibleIf(topContext)));
        if (!visible) state.hiddenFields.add(node.field.key);
        break;
      }
      case 'childVisible': {
        const rows = rowsOf(values[node.group.key]);
        const groupHidden = state.hiddenFields.has(node.group.key);
        const visibleIf = node.field.visibleIf;
        if (!groupHidden && !visibleIf) break;
        const hidden = rows.map((row, r) => groupHidden || !isTruthy((visibleIf as NonNullable<typeof visibleIf>)(contextFor(form, state, node.group, r))));
        state.hiddenCells.set(node.field.key, hidden);
        break;
      }
      case 'fieldValue': {
        const compute = node.field.compute;
        if (compute) values[node.field.key] = normalizeComputed(node.field, compute(topContext));
        break;
      }
      case 'childValue': {
        const compute = node.field.compute;
        if (!compute) break;
        const rows = rowsOf(values[node.group.key]);
        const childId = node.field.field.id;
        rows.forEach((row, r) => {
          row[childId] = normalizeComputed(node.field, compute(contextFor(form, state, node.group, r)));
        });
        break;
      }
    }
  }
  return state;
}

function readPathOwn(value: unknown, path: readonly string[], from: number): unknown {
  let current = value;
  for (let i = from; i < path.length; i++) current = readOwn(current, path[i] as string);
  return current;
}

/** Reads references over an evaluated (or being evaluated) state; a hidden field or cell reads as null. */
class StateContext implements EvaluationContext {
  readonly today: string;

  constructor(
    private readonly form: CompiledForm,
    private readonly state: FormState,
    private readonly group: CompiledGroup | undefined,
    private readonly rowIndex: number,
  ) {
    this.today = state.today;
  }

  resolve(path: readonly string[]): unknown {
    const head = path[0] as string;
    const values = this.state.values;
    if (head === 'row' && this.group) {
      const child = path[1] as string;
      const cell = this.group.children.get(child);
      if (cell && this.state.hiddenCells.get(cell.key)?.[this.rowIndex]) return null;
      const row = rowsOf(values[this.group.key])[this.rowIndex];
      return readPathOwn(readOwn(row, child), path, 2);
    }
    if (this.state.hiddenFields.has(head) || !Object.hasOwn(values, head)) return null;
    if (!this.form.groups.has(head)) return readPathOwn(values[head], path, 1);
    const rows = rowsOf(values[head]);
    if (path.length === 1) return rows;
    const child = path[1] as string;
    const cell = this.form.groups.get(head)?.children.get(child);
    const hidden = cell ? this.state.hiddenCells.get(cell.key) : undefined;
    const column: unknown[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) column[r] = hidden?.[r] ? null : readPathOwn(readOwn(rows[r], child), path, 2);
    return column;
  }
}

/** A context for expressions of a row (`row.x`) or, with no group, of the whole form, over an evaluated state. */
export function contextFor(form: CompiledForm, state: FormState, group?: CompiledGroup, rowIndex = 0): EvaluationContext {
  return new StateContext(form, state, group, rowIndex);
}
