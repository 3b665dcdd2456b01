import type { authorityEn } from './en';

export const authorityDe: typeof authorityEn = {};
