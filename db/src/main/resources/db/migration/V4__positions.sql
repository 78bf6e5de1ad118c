-- Multi-up panels: the position (from 1) of the fixture a run's board sat in; NULL on a fixture
-- without positions (one board at a time). Portable SQL: H2 and PostgreSQL.
ALTER TABLE run ADD COLUMN position INT;
