/** How the client gets a bearer token, and what it does on a 401 (renew or sign in again; false: give up). */
export interface AuthProvider {
  token(): Promise<string | null>;
  onUnauthorized(rejectedToken: string): Promise<boolean>;
}
