import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The server's Prometheus metrics, in a registry of its own (several servers can share a process in tests). */
export function createMetrics(connectedClients: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "canaduck_" }); // includes event-loop lag
  const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
  return {
    registry,
    connected: new Gauge({
      name: "canaduck_connected_clients",
      help: "Socket.IO connections open on this node",
      registers: [registry],
      collect() {
        this.set(connectedClients());
      },
    }),
    events: new Counter({
      name: "canaduck_events_total",
      help: "Client events received, by event name",
      labelNames: ["event"],
      registers: [registry],
    }),
    ackLatency: new Histogram({
      name: "canaduck_ack_latency_seconds",
      help: "From receiving a client event to acknowledging it (after commit)",
      labelNames: ["event"],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    dbLatency: new Histogram({
      name: "canaduck_db_transaction_seconds",
      help: "Database transaction duration",
      buckets: latencyBuckets,
      registers: [registry],
    }),
    errors: new Counter({
      name: "canaduck_errors_total",
      help: "Refused or failed client events, by error code",
      labelNames: ["code"],
      registers: [registry],
    }),
    sendBatchSize: new Histogram({
      name: "canaduck_send_batch_size",
      help: "Messages committed together by one send batch (group commit)",
      buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers: [registry],
    }),
    sendBatchFailures: new Counter({
      name: "canaduck_send_batch_failures_total",
      help: "Send batches that failed and were run again one send at a time",
      registers: [registry],
    }),
    adapterMessages: new Counter({
      name: "canaduck_adapter_messages_total",
      help: "Messages this node published to the other nodes through the Redis adapter",
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
