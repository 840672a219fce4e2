-- EXPLAIN CHANGELOG_MODE of a streaming statement set: an updating aggregate into an upsert sink and an
-- insert-only filter into an append sink, explained together.
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE totals (customer STRING, total DECIMAL(38, 2), PRIMARY KEY (customer) NOT ENFORCED)
  WITH ('connector' = 'blackhole');
CREATE TABLE east (id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'blackhole');

EXPLAIN CHANGELOG_MODE EXECUTE STATEMENT SET BEGIN
  INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;
  INSERT INTO east SELECT id, amount FROM orders WHERE region = 'east';
END;
