import { defineCall } from './define';
import { searchInputSchema, searchResultSchema } from '../search/searchSchemas';

export const searchCalls = {
  /** One search over dossiers, messages and documents in the vault (FTS5: accents folded, the last word a prefix). */
  'search.query': defineCall({ input: searchInputSchema, output: searchResultSchema }),
};
