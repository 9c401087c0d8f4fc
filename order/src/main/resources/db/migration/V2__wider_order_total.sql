-- The largest order the API accepts (50 lines of 1000 units at 9 999 999 999.99) totals 499 999 999 999 500.00:
-- fifteen digits before the point, which numeric(14, 2) could not hold (a fuzzer found the 500).
alter table customer_order alter column total type numeric(17, 2);
