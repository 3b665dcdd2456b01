import type { Field, FormDefinitionInput } from '../../../../src-shared/forms';

export const T = (en: string) => ({ de: en, fr: en, en });

/** A one-step definition around some fields (and rules). */
export function defWith(fields: unknown[], extra: Partial<FormDefinitionInput> = {}): FormDefinitionInput {
  return {
    schemaVersion: 1,
    id: 'test-form',
    version: 1,
    audience: 'private',
    requiresAuthentication: true,
    allowsReplies: false,
    signature: 'none',
    theme: 'test',
    etracking: false,
    title: T('Test'),
    description: T('Test form'),
    authority: T('Test authority'),
    steps: [{ id: 'main', title: T('Main'), sections: [{ id: 'all', fields: fields as Field[] }] }],
    ...extra,
  };
}
