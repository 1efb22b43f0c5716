import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BuildInfo } from '../support/build-info.js';

export interface CallObservation {
  operation: string;
  outcome: string;
  durationMs: number;
}

/**
 * The app's Prometheus metrics in a registry of its own (several app instances in one test process must not
 * share counters). Durations in seconds, as Prometheus expects.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'ecm365_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly logins = new Counter({
    name: 'ecm365_logins_total',
    help: 'Sign-in attempts by outcome (success or the error code)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly externalCalls = new Counter({
    name: 'ecm365_external_calls_total',
    help: 'Calls to ELO and Microsoft by system, operation and outcome',
    labelNames: ['system', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly externalDuration = new Histogram({
    name: 'ecm365_external_call_duration_seconds',
    help: 'Duration of calls to ELO and Microsoft',
    labelNames: ['system', 'operation', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(countConnections: () => Promise<Array<{ status: string; count: number }>>, build: BuildInfo) {
    // Node's process metrics under their standard names (process_cpu_seconds_total, nodejs_heap_size_used_bytes,
    // …), which the usual Node.js dashboards query; the app's own metrics keep the ecm365_ prefix.
    collectDefaultMetrics({ register: this.registry });
    // The "info" pattern: always 1, the build in its labels, so a dashboard can show or join on what runs where.
    new Gauge({
      name: 'ecm365_build_info',
      help: 'The running build: version, commit (when known) and Node.js version; always 1',
      labelNames: ['version', 'commit', 'node_version'] as const,
      registers: [this.registry],
    }).set({ version: build.version, commit: build.commit ?? 'unknown', node_version: build.nodeVersion }, 1);
    new Gauge({
      name: 'ecm365_ms365_connections',
      help: 'Microsoft 365 connections by status',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await countConnections()) this.set({ status: row.status }, row.count);
      },
    });
  }

  /** An observer for one external system, for the adapters' `onCall` hooks. */
  observer(system: 'elo' | 'microsoft') {
    return (call: CallObservation) => {
      const labels = { system, operation: call.operation, outcome: call.outcome };
      this.externalCalls.inc(labels);
      this.externalDuration.observe(labels, call.durationMs / 1000);
    };
  }
}
