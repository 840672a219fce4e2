-- Mini-batch aggregation: the group aggregate shows its mini-batch trigger (Flink's MiniBatchAssigner wording).
-- One phase asked for: with the default strategy (AUTO) it runs in two phases (stream_two_phase_aggregate.sql).
SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2 s';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT customer, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY customer;
