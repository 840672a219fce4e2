-- Event-time temporal join on a key computed from the left side: the expression is computed by a projection below
-- the join (an extra left column), so that the versioned table's primary key is an equi-join key.
CREATE TABLE orders (order_id INT, price INT, currency STRING, order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/temporal_orders_mixed_case.csv', 'format' = 'csv',
  'csv.null-literal' = '');
CREATE TABLE rates (currency STRING, rate INT, update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time, PRIMARY KEY (currency) NOT ENFORCED) WITH (
  'connector' = 'filesystem', 'path' = '${DATA}/temporal_rates.csv', 'format' = 'csv');

EXPLAIN CHANGELOG_MODE SELECT o.order_id, o.price * r.rate AS converted
FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON UPPER(o.currency) = r.currency;
