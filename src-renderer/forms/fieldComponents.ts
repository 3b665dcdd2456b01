import type { Component } from 'vue';
import type { LeafField } from '../../src-shared/forms';
import AddressField from './fields/AddressField.vue';
import CheckboxField from './fields/CheckboxField.vue';
import DateField from './fields/DateField.vue';
import EmailField from './fields/EmailField.vue';
import FileField from './fields/FileField.vue';
import IbanField from './fields/IbanField.vue';
import MatriculeField from './fields/MatriculeField.vue';
import MoneyField from './fields/MoneyField.vue';
import NumberField from './fields/NumberField.vue';
import PhoneField from './fields/PhoneField.vue';
import RadioField from './fields/RadioField.vue';
import SelectField from './fields/SelectField.vue';
import TextareaField from './fields/TextareaField.vue';
import TextField from './fields/TextField.vue';

/** One component per value field type (information texts and groups are rendered by FormSection). */
export const FIELD_COMPONENTS: Record<Exclude<LeafField['type'], 'info'>, Component> = {
  text: TextField,
  textarea: TextareaField,
  number: NumberField,
  money: MoneyField,
  date: DateField,
  email: EmailField,
  phone: PhoneField,
  iban: IbanField,
  matricule: MatriculeField,
  address: AddressField,
  select: SelectField,
  radio: RadioField,
  checkbox: CheckboxField,
  file: FileField,
};
