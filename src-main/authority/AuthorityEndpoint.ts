import type { ChallengeSigner } from './ChallengeSigner';

/** Where the API is: the configured authority, or the demo sandbox (with its demo identity to sign in with). */
export interface AuthorityEndpoint {
  apiUrl: string;
  demo: boolean;
  /** The demo identity's signer; null for a real authority (the tokens service plugs in the card). */
  demoSigner: ChallengeSigner | null;
}
