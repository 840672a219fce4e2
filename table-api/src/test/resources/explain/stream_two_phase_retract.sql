-- Two-phase aggregation over an updating input: the local phase also counts the rows it folds (+1 for +I/+U, -1 for
-- -U/-D) in count1$n, so the global phase knows when a group is empty and deletes it (-D).
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2 s';
SET 'table.exec.mini-batch.size' = '1000';
SET 'table.optimizer.agg-phase-strategy' = 'TWO_PHASE';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT n, COUNT(*) AS customers, SUM(total) AS total
FROM (SELECT customer, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY customer) GROUP BY n;
