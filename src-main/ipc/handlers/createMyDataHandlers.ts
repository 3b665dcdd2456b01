import type { myDataCalls } from '../../../src-shared/contract/myDataContract';
import type { HandlersFor } from '../HandlersFor';
import type { MyDataService } from '../../myData/MyDataService';

export function createMyDataHandlers(deps: { myData: MyDataService }): HandlersFor<typeof myDataCalls> {
  return {
    'myData.get': () => deps.myData.view(),
    'myData.refresh': () => deps.myData.refresh(),
  };
}
