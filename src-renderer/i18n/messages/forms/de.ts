import type { formsEn } from './en';

export const formsDe: typeof formsEn = {};
