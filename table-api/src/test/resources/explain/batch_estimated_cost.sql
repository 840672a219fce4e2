-- ESTIMATED_COST: every node of the optimized logical plan shows Calcite's row count and cumulative cost.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN ESTIMATED_COST SELECT customer, SUM(amount) AS total FROM orders WHERE qty > 1 GROUP BY customer;
