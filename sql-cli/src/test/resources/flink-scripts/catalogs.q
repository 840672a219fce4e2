# catalogs.q - catalogs and databases: CREATE/DROP/ALTER/SHOW/USE/DESCRIBE.
# Written for Sluice in the format of Flink's SQL-client test scripts; the expected output is what
# Flink's SQL client prints for each statement.

use missing_db;
!error

use catalog missing_catalog;
!error

create catalog sales with ('type' = 'generic_in_memory');
[INFO] Execute statement succeeded.
!info

show catalogs;
+-----------------+
|    catalog name |
+-----------------+
| default_catalog |
|           sales |
+-----------------+
2 rows in set
!ok

show current catalog;
+----------------------+
| current catalog name |
+----------------------+
|      default_catalog |
+----------------------+
1 row in set
!ok

use catalog sales;
[INFO] Execute statement succeeded.
!info

show current catalog;
+----------------------+
| current catalog name |
+----------------------+
|                sales |
+----------------------+
1 row in set
!ok

drop catalog sales;
!error

create catalog notes comment 'team ''notes''' with ('type' = 'generic_in_memory', 'default-database' = 'main');
[INFO] Execute statement succeeded.
!info

describe catalog notes;
+-----------+-------------------+
| info name |        info value |
+-----------+-------------------+
|      name |             notes |
|      type | generic_in_memory |
|   comment |      team 'notes' |
+-----------+-------------------+
3 rows in set
!ok

desc catalog extended notes;
+-------------------------+-------------------+
|               info name |        info value |
+-------------------------+-------------------+
|                    name |             notes |
|                    type | generic_in_memory |
|                 comment |      team 'notes' |
| option:default-database |              main |
+-------------------------+-------------------+
4 rows in set
!ok

create catalog if not exists notes with ('type' = 'generic_in_memory');
[INFO] Execute statement succeeded.
!info

create catalog notes with ('type' = 'generic_in_memory');
!error

alter catalog notes set ('default-database' = 'other');
[INFO] Execute statement succeeded.
!info

desc catalog extended notes;
+-------------------------+-------------------+
|               info name |        info value |
+-------------------------+-------------------+
|                    name |             notes |
|                    type | generic_in_memory |
|                 comment |      team 'notes' |
| option:default-database |             other |
+-------------------------+-------------------+
4 rows in set
!ok

alter catalog notes reset ('default-database');
[INFO] Execute statement succeeded.
!info

alter catalog notes reset ('type');
!error

alter catalog notes comment 'changed';
[INFO] Execute statement succeeded.
!info

describe catalog notes;
+-----------+-------------------+
| info name |        info value |
+-----------+-------------------+
|      name |             notes |
|      type | generic_in_memory |
|   comment |           changed |
+-----------+-------------------+
3 rows in set
!ok

create database d1;
[INFO] Execute statement succeeded.
!info

create database d2 comment 'second' with ('k' = 'v');
[INFO] Execute statement succeeded.
!info

show databases;
+---------------+
| database name |
+---------------+
|            d1 |
|            d2 |
|       default |
+---------------+
3 rows in set
!ok

show databases like 'd_';
+---------------+
| database name |
+---------------+
|            d1 |
|            d2 |
+---------------+
2 rows in set
!ok

show databases not like 'd1%';
+---------------+
| database name |
+---------------+
|            d2 |
|       default |
+---------------+
2 rows in set
!ok

show databases ilike 'D2%';
+---------------+
| database name |
+---------------+
|            d2 |
+---------------+
1 row in set
!ok

show databases from default_catalog;
+------------------+
|    database name |
+------------------+
| default_database |
+------------------+
1 row in set
!ok

alter database d2 set ('k' = 'w');
[INFO] Execute statement succeeded.
!info

use d1;
[INFO] Execute statement succeeded.
!info

show current database;
+-----------------------+
| current database name |
+-----------------------+
|                    d1 |
+-----------------------+
1 row in set
!ok

drop database d1;
!error

drop database if exists d9;
[INFO] Execute statement succeeded.
!info

drop database d2;
[INFO] Execute statement succeeded.
!info

show create catalog notes;
+-----------------------------------------------------------------------------------+
|                                                                            result |
+-----------------------------------------------------------------------------------+
| CREATE CATALOG `notes`
COMMENT 'changed'
WITH (
  'type' = 'generic_in_memory'
)
 |
+-----------------------------------------------------------------------------------+
1 row in set
!ok

use catalog default_catalog;
[INFO] Execute statement succeeded.
!info

drop catalog notes;
[INFO] Execute statement succeeded.
!info

show catalogs;
+-----------------+
|    catalog name |
+-----------------+
| default_catalog |
|           sales |
+-----------------+
2 rows in set
!ok
