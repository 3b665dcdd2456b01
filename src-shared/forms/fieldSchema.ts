import { z } from 'zod';
import { elementIdSchema, fieldIdSchema } from './fieldIdSchema';
import { localizedTextSchema } from './localizedTextSchema';
import { DATE_BOUND_PATTERN } from './validators/resolveDateBound';

export const expressionSchema = z.string().min(1).max(2000);

/** Where a value comes from: a path in the person's (private space) or company's (professional space) data. */
export const prefillSchema = z.strictObject({
  source: z.enum(['person', 'company']),
  path: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/, 'must be a dotted path'),
  /** Whether the user may change the prefilled value. */
  editable: z.boolean(),
  /** i18n key of the source's name, shown next to the value: 'nationalRegister' → forms.source.nationalRegister. */
  sourceLabel: z.string().regex(/^[a-zA-Z][A-Za-z0-9]*$/),
});

const optionSchema = z.strictObject({
  value: z.string().min(1).max(100),
  label: localizedTextSchema,
  /**
   * Other names a source may give this choice ('SARL', 'private limited company'): prefill maps a value to an option
   * by its value, a label in any language or one of these, case and spacing aside.
   */
  aliases: z.array(z.string().min(1).max(200)).max(50).optional(),
});

const base = {
  id: fieldIdSchema,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  /** Shown only while this expression is true; a hidden field keeps its value but is neither checked nor sent. */
  visibleIf: expressionSchema.optional(),
};

const valued = {
  ...base,
  required: z.boolean().optional(),
  /** Required only while this expression is true (in addition to `required`). */
  requiredIf: expressionSchema.optional(),
  prefill: prefillSchema.optional(),
  /** A computed field: its value is this expression, the user cannot change it. */
  compute: expressionSchema.optional(),
  /** Shown but never editable by the user (e.g. a value from the register). */
  readOnly: z.boolean().optional(),
};

const length = {
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(1).optional(),
};

const textual = {
  ...valued,
  ...length,
  /** A regular expression (anchored automatically) the whole value must match. */
  pattern: z.string().min(1).max(300).optional(),
  /** Explains the pattern to the user in the error message. */
  patternHint: localizedTextSchema.optional(),
  placeholder: localizedTextSchema.optional(),
};

export const textFieldSchema = z.strictObject({ type: z.literal('text'), ...textual });
export const textareaFieldSchema = z.strictObject({
  type: z.literal('textarea'),
  ...textual,
  rows: z.int().min(2).max(30).optional(),
});
export const numberFieldSchema = z.strictObject({
  type: z.literal('number'),
  ...valued,
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: localizedTextSchema.optional(),
});
/** An amount in euro, stored as integer cents; min and max in cents too. */
export const moneyFieldSchema = z.strictObject({
  type: z.literal('money'),
  ...valued,
  currency: z.literal('EUR').default('EUR'),
  min: z.int().optional(),
  max: z.int().optional(),
});
const dateBound = z.string().regex(DATE_BOUND_PATTERN, "must be yyyy-mm-dd, 'today' or 'today±N(d|m|y)'");
export const dateFieldSchema = z.strictObject({ type: z.literal('date'), ...valued, min: dateBound.optional(), max: dateBound.optional() });
export const emailFieldSchema = z.strictObject({ type: z.literal('email'), ...valued, maxLength: z.int().min(6).max(254).optional() });
export const phoneFieldSchema = z.strictObject({ type: z.literal('phone'), ...valued });
export const ibanFieldSchema = z.strictObject({
  type: z.literal('iban'),
  ...valued,
  /** ISO 3166 alpha-2 codes of the countries accepted (e.g. SEPA only); any when absent. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
});
export const matriculeFieldSchema = z.strictObject({ type: z.literal('matricule'), ...valued });
export const addressFieldSchema = z.strictObject({
  type: z.literal('address'),
  ...valued,
  /** Whether an address abroad is accepted (default true). */
  allowForeign: z.boolean().optional(),
});
export const selectFieldSchema = z.strictObject({
  type: z.literal('select'),
  ...valued,
  options: z.array(optionSchema).min(1).max(2000),
  placeholder: localizedTextSchema.optional(),
});
export const radioFieldSchema = z.strictObject({ type: z.literal('radio'), ...valued, options: z.array(optionSchema).min(1).max(50) });
/** Without options: one box, value boolean (`required` = must be ticked). With options: value is the ticked values. */
export const checkboxFieldSchema = z.strictObject({
  type: z.literal('checkbox'),
  ...valued,
  options: z.array(optionSchema).min(1).max(100).optional(),
  minSelected: z.int().min(0).optional(),
  maxSelected: z.int().min(1).optional(),
});
export const fileFieldSchema = z.strictObject({
  type: z.literal('file'),
  ...valued,
  /** Media types ('application/pdf') or families ('image/*'). */
  accept: z.array(z.string().regex(/^[a-z]+\/(?:\*|[a-z0-9.+-]+)$/)).min(1),
  maxSizeBytes: z.int().min(1),
  minCount: z.int().min(0).optional(),
  maxCount: z.int().min(1).optional(),
  /** Kind of document, to offer matching ones from "my documents" (e.g. 'payslip'). */
  documentType: z.string().regex(/^[a-z][a-zA-Z0-9]*$/).optional(),
});
/** Information text: shows a text, holds no value. */
export const infoFieldSchema = z.strictObject({
  type: z.literal('info'),
  ...base,
  text: localizedTextSchema,
  tone: z.enum(['info', 'warning']).optional(),
});

export const crossFieldRuleSchema = z.strictObject({
  id: elementIdSchema,
  /** The rule applies only while this expression is true. */
  when: expressionSchema.optional(),
  /** Must be true for the form to be valid. */
  assert: expressionSchema,
  message: localizedTextSchema,
  /** The fields the error is shown at; the rule is skipped while one of them is hidden or empty. */
  fields: z.array(fieldIdSchema).min(1),
});

export const leafFieldSchema = z.discriminatedUnion('type', [
  textFieldSchema,
  textareaFieldSchema,
  numberFieldSchema,
  moneyFieldSchema,
  dateFieldSchema,
  emailFieldSchema,
  phoneFieldSchema,
  ibanFieldSchema,
  matriculeFieldSchema,
  addressFieldSchema,
  selectFieldSchema,
  radioFieldSchema,
  checkboxFieldSchema,
  fileFieldSchema,
  infoFieldSchema,
]);

/** A repeatable group: rows of child fields. In its children's expressions `row.x` is this row's `x`. */
export const groupFieldSchema = z.strictObject({
  type: z.literal('group'),
  ...base,
  fields: z.array(leafFieldSchema).min(1).max(100),
  minRows: z.int().min(0).optional(),
  maxRows: z.int().min(1).max(500).optional(),
  /** Label of one row ("Household member"). */
  rowLabel: localizedTextSchema.optional(),
  /** Rules checked on each row; `fields` are child ids. */
  rules: z.array(crossFieldRuleSchema).optional(),
});

export const fieldSchema = z.discriminatedUnion('type', [...leafFieldSchema.options, groupFieldSchema]);

export type LeafField = z.infer<typeof leafFieldSchema>;
export type GroupField = z.infer<typeof groupFieldSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type FieldType = Field['type'];
export type ValueField = Exclude<LeafField, { type: 'info' }>;
export type FieldOption = z.infer<typeof optionSchema>;
export type PrefillBinding = z.infer<typeof prefillSchema>;
export type CrossFieldRule = z.infer<typeof crossFieldRuleSchema>;
export { elementIdSchema };
