import { normalizeIban, normalizePhone } from '../../src-shared/forms';

export type LineInputType = 'text' | 'email' | 'phone' | 'iban' | 'matricule';

/** How each one-line field type differs: the input's attributes, and the tidy-up applied when the field is left. */
export interface LineInputVariant {
  inputType: 'text' | 'email' | 'tel';
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  autocomplete: string;
  spellcheck?: boolean;
  autocapitalize?: string;
  /** A fixed example; the text field uses the definition's own placeholder instead. */
  placeholder?: string;
  maxLength?: number;
  /** The wide input for free text, a medium one for codes and numbers. */
  width: 'wide' | 'medium';
  normalizeOnBlur?: (value: string) => string | null;
}

export const LINE_INPUT_VARIANTS: Record<LineInputType, LineInputVariant> = {
  text: { inputType: 'text', autocomplete: 'off', width: 'wide' },
  email: { inputType: 'email', autocomplete: 'email', spellcheck: false, maxLength: 254, width: 'medium' },
  // A number typed with spaces or 00 becomes its international form (+352…).
  phone: { inputType: 'tel', inputmode: 'tel', autocomplete: 'tel', placeholder: '+352 …', width: 'medium', normalizeOnBlur: normalizePhone },
  // Groups of four: 'lu280019…' → 'LU28 0019 …'.
  iban: {
    inputType: 'text',
    autocomplete: 'off',
    spellcheck: false,
    autocapitalize: 'characters',
    placeholder: 'LU00 0000 0000 0000 0000',
    width: 'medium',
    normalizeOnBlur: (value) => normalizeIban(value).replace(/(.{4})(?=.)/g, '$1 '),
  },
  matricule: { inputType: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: false, maxLength: 17, width: 'medium' },
};
