import type { PropType } from 'vue';
import type { LeafField } from '../../src-shared/forms';
import type { FieldSource } from './formContext';

export type FieldOf<T extends LeafField['type']> = Extract<LeafField, { type: T }>;

/** Runtime props shared by every field component (defineProps(fieldProps<FieldOf<'text'>>())). */
export function fieldProps<F>() {
  return {
    field: { type: Object as PropType<F>, required: true as const },
    /** DOM id of the field's (first) control. */
    id: { type: String, required: true as const },
    modelValue: { type: null as unknown as PropType<unknown>, default: undefined },
    label: { type: String, required: true as const },
    help: { type: String, default: '' },
    required: { type: Boolean, default: false },
    locked: { type: Boolean, default: false },
    /** Messages by sub-path relative to the field ('' for the field itself, '.street', '[0]'). */
    errors: { type: Object as PropType<Readonly<Record<string, string[]>>>, default: () => ({}) },
    source: { type: Object as PropType<FieldSource | null>, default: null },
  };
}

/** Emits of every field component: the new value; `blur` with the sub-path left ('' for the field itself). */
export type FieldEmits = {
  'update:modelValue': [value: unknown];
  blur: [subPath: string];
};
