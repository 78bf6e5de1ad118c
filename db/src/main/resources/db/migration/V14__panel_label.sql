-- Multi-up panels started from a panel label: the label (which the plan mapped to each position's
-- serial) stored with each run of the panel; NULL for a board scanned on its own. Portable SQL.
ALTER TABLE run ADD COLUMN panel_label VARCHAR(100);
