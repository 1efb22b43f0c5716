export interface LoginThrottleTable {
  /** `user:<tenant id>:<user name>` or `ip:<address>`. */
  key: string;
  failures: number;
  windowStartedAt: Date;
}
