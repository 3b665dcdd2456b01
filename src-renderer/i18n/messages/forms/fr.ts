import type { formsEn } from './en';

export const formsFr: typeof formsEn = {};
