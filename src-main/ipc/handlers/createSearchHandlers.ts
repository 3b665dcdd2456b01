import type { searchCalls } from '../../../src-shared/contract/searchContract';
import type { HandlersFor } from '../HandlersFor';
import type { SearchService } from '../../search/SearchService';

export function createSearchHandlers(deps: { search: SearchService }): HandlersFor<typeof searchCalls> {
  return {
    'search.query': ({ text, language, limit }) => deps.search.query(text, language, limit),
  };
}
