/** Shortest passphrase a vault accepts (checked in main; the renderer shows it as a hint). */
export const MIN_PASSPHRASE_LENGTH = 10;
/** Longest passphrase accepted over the contract (a bound, not a policy). */
export const MAX_PASSPHRASE_LENGTH = 1024;
