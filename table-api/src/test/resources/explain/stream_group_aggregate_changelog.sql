-- Streaming GROUP BY produces updates; CHANGELOG_MODE shows the row kinds of every node.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');

EXPLAIN CHANGELOG_MODE SELECT customer, COUNT(*) AS n, SUM(amount) AS total FROM orders GROUP BY customer;
