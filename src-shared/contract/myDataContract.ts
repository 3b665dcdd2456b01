import { defineCall } from './define';
import { noInput } from './noInput';
import { myDataViewSchema } from '../myData/myDataSchemas';

export const myDataCalls = {
  /** "My data" as the vault holds it (no network): what the authority's registers say, per space, for prefill. */
  'myData.get': defineCall({ input: noInput, output: myDataViewSchema }),
  /** Asks the authority again for every space's data (signed in, online), keeps what changed, and answers the view. */
  'myData.refresh': defineCall({ input: noInput, output: myDataViewSchema }),
};
