-- Two-phase (local-global) aggregation, Flink's default strategy AUTO once mini-batch is enabled: the local phase
-- pre-aggregates each mini-batch into accumulators (COUNT: count$n; SUM: (sum$n, count$n)), the global phase merges
-- them per group after the exchange on the group key.
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2 s';
SET 'table.exec.mini-batch.size' = '1000';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT customer, COUNT(*) AS n, SUM(amount) AS total, AVG(qty) AS q, MAX(ts) AS latest,
  COUNT(id) FILTER (WHERE qty > 1) AS big
FROM orders GROUP BY customer;
