-- Calls that cannot merge keep an aggregation in one phase even under TWO_PHASE, as in Flink's planner: a DISTINCT
-- aggregate (the inner one), and MIN/MAX over an updating input (the outer one).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2 s';
SET 'table.exec.mini-batch.size' = '1000';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN SELECT MIN(regions), MAX(regions)
FROM (SELECT customer, COUNT(DISTINCT region) AS regions FROM orders GROUP BY customer);
