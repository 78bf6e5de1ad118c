-- A line of stations: each run carries an id unique across the line (so a run forwarded twice is
-- stored once centrally), each station remembers how far it has forwarded, and the central
-- database keeps each station's last heartbeat for the line page. Portable SQL: H2 and PostgreSQL.

ALTER TABLE run ADD COLUMN line_id VARCHAR(36);
CREATE UNIQUE INDEX run_line_id ON run (line_id);

-- One row on a station's local file: runs with id <= forwarded_through are in the central database.
CREATE TABLE forward_state (
    id                 INT NOT NULL PRIMARY KEY,
    forwarded_through  BIGINT NOT NULL,
    last_forward_at    TIMESTAMP WITH TIME ZONE,
    last_error         VARCHAR(1000),
    last_error_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT forward_state_one_row CHECK (id = 1)
);

-- In the central database: what each station last said of itself.
CREATE TABLE station_status (
    name              VARCHAR(100) NOT NULL PRIMARY KEY,
    state             VARCHAR(20) NOT NULL,
    batch             VARCHAR(100),
    plan_name         VARCHAR(100),
    software_version  VARCHAR(40),
    backlog           BIGINT NOT NULL,
    oldest_waiting    TIMESTAMP WITH TIME ZONE,
    last_seen         TIMESTAMP WITH TIME ZONE NOT NULL
);
