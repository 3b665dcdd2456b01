import type { authorityEn } from './en';

export const authorityFr: typeof authorityEn = {};
