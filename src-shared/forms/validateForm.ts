import type { SupportedLocale } from '../i18n/locales';
import type { CompiledForm, CompiledGroup, CompiledRule } from './CompiledForm';
import type { FormState } from './FormState';
import { issue, type FormIssue } from './FormIssue';
import type { FormValues } from './FormValues';
import { isTruthy, type EvaluationContext } from './expression/compileExpression';
import { compileForm } from './compileForm';
import { contextFor, evaluateForm, rowsOf } from './evaluateForm';
import type { FormDefinition } from './formDefinitionSchema';
import type { LeafField } from './fieldSchema';
import { isFieldEmpty, validateFieldValue } from './validateFieldValue';

export interface ValidateOptions {
  /** With a locale, issues from cross-field rules also carry `text` in that language. */
  locale?: SupportedLocale;
  /** 'yyyy-mm-dd'; the local date by default. */
  today?: string;
}

export interface FormValidation {
  valid: boolean;
  issues: FormIssue[];
  /** The values with computed fields filled in, as validated. */
  values: FormValues;
}

/**
 * Checks values against a definition: every visible field (required, type, bounds, patterns, check digits), every
 * row of repeatable groups, and the cross-field rules. Hidden fields are skipped. Issues carry i18n keys.
 */
export function validateForm(definition: FormDefinition | CompiledForm, values: FormValues, options: ValidateOptions = {}): FormValidation {
  const form = compileForm(definition);
  const state = evaluateForm(form, values, options);
  const issues = validateState(form, state, options);
  return { valid: issues.length === 0, issues, values: state.values };
}

export function validateState(form: CompiledForm, state: FormState, options: ValidateOptions = {}): FormIssue[] {
  const out: FormIssue[] = [];
  const top = contextFor(form, state);
  /** Top-level keys with an issue of their own ('x', and 'group.child' when a cell of that column has one). */
  const invalid = new Set<string>();
  for (const [id, cField] of form.fields) {
    if (state.hiddenFields.has(id) || cField.field.type === 'info') continue;
    const field = cField.field;
    if (field.type === 'group') {
      validateGroup(form, cField as CompiledGroup, state, options, out, invalid);
      continue;
    }
    const before = out.length;
    checkValue(cField.field as LeafField, cField, state.values[id], undefined, 0, id, top, state.today, out);
    if (out.length > before) invalid.add(id);
  }
  for (const rule of form.rules) checkRule(rule, top, state, undefined, 0, options, out, invalid, EMPTY_SET);
  return out;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** Checks one value; the issue path ('id' or 'group[r].id') is only built when there is an issue. */
function checkValue(
  field: LeafField,
  cField: Parameters<typeof validateFieldValue>[0],
  value: unknown,
  groupKey: string | undefined,
  row: number,
  id: string,
  context: EvaluationContext,
  today: string,
  out: FormIssue[],
): void {
  if (field.type === 'info') return;
  const before = out.length;
  if (isFieldEmpty(field, value)) {
    const required = field.required === true || (cField.requiredIf !== undefined && isTruthy(cField.requiredIf(context)));
    if (required && !field.compute) out.push(issue('', 'required'));
  } else {
    // Issue paths come back relative to the field ('', '.street', '[0]').
    validateFieldValue(cField, value, '', today, out);
  }
  if (out.length === before) return;
  const base = groupKey === undefined ? id : `${groupKey}[${row}].${id}`;
  for (let k = before; k < out.length; k++) (out[k] as FormIssue).path = base + (out[k] as FormIssue).path;
}

function validateGroup(
  form: CompiledForm,
  group: CompiledGroup,
  state: FormState,
  options: ValidateOptions,
  out: FormIssue[],
  invalid: Set<string>,
): void {
  const field = group.field;
  const rows = rowsOf(state.values[group.key]);
  const min = field.minRows ?? 0;
  if (rows.length < min) out.push(issue(group.key, 'minRows', { min }));
  if (field.maxRows !== undefined && rows.length > field.maxRows) out.push(issue(group.key, 'maxRows', { max: field.maxRows }));
  rows.forEach((row, r) => {
    const context = contextFor(form, state, group, r);
    const rowObject = row && typeof row === 'object' ? row : {};
    let rowInvalid: Set<string> | null = null;
    for (const [childId, child] of group.children) {
      if (state.hiddenCells.get(child.key)?.[r]) continue;
      const value = Object.hasOwn(rowObject, childId) ? rowObject[childId] : undefined;
      const before = out.length;
      checkValue(child.field, child, value, group.key, r, childId, context, state.today, out);
      if (out.length > before) {
        (rowInvalid ??= new Set()).add(childId);
        invalid.add(child.key);
      }
    }
    for (const rule of group.rules) {
      checkRule(rule, context, state, group, r, options, out, invalid, rowInvalid ?? EMPTY_SET);
    }
  });
}

/**
 * A rule is checked only while all its fields are visible and filled in (emptiness is `required`'s business), and
 * while neither they nor any value it reads has an issue of its own: "abc" as an amount is reported as not an amount,
 * not also as larger than another one.
 */
function checkRule(
  compiled: CompiledRule,
  context: EvaluationContext,
  state: FormState,
  group: CompiledGroup | undefined,
  r: number,
  options: ValidateOptions,
  out: FormIssue[],
  invalid: ReadonlySet<string>,
  rowInvalid: ReadonlySet<string>,
): void {
  const { rule } = compiled;
  if (invalid.size > 0 || rowInvalid.size > 0) {
    for (const f of rule.fields) if (group ? rowInvalid.has(f) : invalid.has(f)) return;
    for (const f of compiled.reads.row) if (rowInvalid.has(f)) return;
    for (const key of compiled.reads.top) if (invalid.has(key)) return;
  }
  const row = group ? rowsOf(state.values[group.key])[r] : undefined;
  for (const f of rule.fields) {
    let v: unknown;
    if (group) {
      if (state.hiddenCells.get(`${group.key}.${f}`)?.[r]) return;
      v = row && typeof row === 'object' && Object.hasOwn(row, f) ? row[f] : undefined;
    } else {
      if (state.hiddenFields.has(f)) return;
      v = state.values[f];
    }
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return;
  }
  const pathOf = (f: string): string => (group ? `${group.key}[${r}].${f}` : f);
  if (compiled.when && !isTruthy(compiled.when(context))) return;
  if (isTruthy(compiled.assert(context))) return;
  for (const f of rule.fields) {
    const found: FormIssue = { ...issue(pathOf(f), 'rule', { rule: rule.id }), message: rule.message, ruleId: rule.id };
    if (options.locale) found.text = rule.message[options.locale];
    out.push(found);
  }
}
