import type { tokensEn } from './en';

export const tokensDe: typeof tokensEn = {};
