-- Several details at once: CHANGELOG_MODE, ESTIMATED_COST and JSON_EXECUTION_PLAN (changelog modes per node).
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE, ESTIMATED_COST, JSON_EXECUTION_PLAN
SELECT customer, COUNT(*) AS n FROM orders WHERE amount > 1 GROUP BY customer;
