import type { tokensEn } from './en';

export const tokensFr: typeof tokensEn = {};
