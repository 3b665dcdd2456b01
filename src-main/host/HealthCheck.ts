/** One line of the health report: resolves with a short detail when fine, throws when not. */
export interface HealthCheck {
  name: string;
  run(): Promise<string | undefined>;
}
