/** Text in the three languages of the platform. Authority-written text carries all three; a person's reply may carry one. */
export interface LocalizedText {
  de?: string;
  fr?: string;
  en?: string;
}

export function text(de: string, fr: string, en: string): LocalizedText {
  return { de, fr, en };
}

/** Accepts a plain string (same in every language) or a LocalizedText. */
export function toLocalized(value: string | LocalizedText): LocalizedText {
  return typeof value === 'string' ? { de: value, fr: value, en: value } : value;
}
