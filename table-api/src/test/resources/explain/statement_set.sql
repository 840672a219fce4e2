-- EXPLAIN of a statement set with the JSON execution plan: one combined plan, and one job with both sinks
-- (each INSERT reads the source through its own scan, as EXECUTE STATEMENT SET runs them).
SET 'parallelism.default' = '2';
CREATE TABLE orders (id INT, customer STRING, amount DECIMAL(10, 2), qty INT, ts TIMESTAMP(3), region STRING) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/orders.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TABLE totals (customer STRING, total DECIMAL(38, 2)) WITH ('connector' = 'blackhole');
CREATE TABLE east (id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'blackhole');

EXPLAIN JSON_EXECUTION_PLAN STATEMENT SET BEGIN
  INSERT INTO totals SELECT customer, SUM(amount) FROM orders GROUP BY customer;
  INSERT INTO east SELECT id, amount FROM orders WHERE region = 'east';
END;
