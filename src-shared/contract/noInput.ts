import { z } from 'zod';

/** Input of calls that take none: nothing, or an explicit undefined. Anything else is refused. */
export const noInput = z.undefined();
