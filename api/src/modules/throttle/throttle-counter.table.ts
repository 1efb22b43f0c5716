export interface ThrottleCountersTable {
  /** What is counted, e.g. `login-user:<tenant>:<name>`, `login-ip:<address>`, `redeem:<principal>`. */
  key: string;
  failures: number;
  windowStartedAt: Date;
}
