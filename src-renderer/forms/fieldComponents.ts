import type { Component } from 'vue';
import type { LeafField } from '../../src-shared/forms';
import AddressField from './fields/AddressField.vue';
import CheckboxField from './fields/CheckboxField.vue';
import DateField from './fields/DateField.vue';
import FileField from './fields/FileField.vue';
import LineInputField from './fields/LineInputField.vue';
import NumericField from './fields/NumericField.vue';
import RadioField from './fields/RadioField.vue';
import SelectField from './fields/SelectField.vue';
import TextareaField from './fields/TextareaField.vue';

/** One component per value field type (information texts and groups are rendered by FormSection). */
export const FIELD_COMPONENTS: Record<Exclude<LeafField['type'], 'info'>, Component> = {
  text: LineInputField,
  textarea: TextareaField,
  number: NumericField,
  money: NumericField,
  date: DateField,
  email: LineInputField,
  phone: LineInputField,
  iban: LineInputField,
  matricule: LineInputField,
  address: AddressField,
  select: SelectField,
  radio: RadioField,
  checkbox: CheckboxField,
  file: FileField,
};
