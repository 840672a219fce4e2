-- A SESSION window aggregate that does not group by the session's partition keys: the window table function
-- and the window aggregation stay two operators (one group gathers the sessions of several partition keys).
CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, `dateTime` TIMESTAMP(3),
  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '10');

EXPLAIN SELECT window_start, window_end, COUNT(*) AS bids, MAX(price) AS top
FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
