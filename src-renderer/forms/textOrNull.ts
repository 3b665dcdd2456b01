/** A text control's value as a form value: an emptied control is "no answer" (null), not an empty string. */
export function textOrNull(event: Event): string | null {
  const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  return text === '' ? null : text;
}
