-- Live process control (issue 16): alarms raised by a station's control charts and operators'
-- acknowledgements. Portable SQL: H2 and PostgreSQL. A chart is (station, plan_name, measurement);
-- it has at most one open alarm (one without an spc_ack row). Further rule firings while it is open
-- update that alarm's summary (rules seen, last point, how many points violated), never its identity
-- or when and where it opened; an acknowledgement is its own row, added once, never changed. Ids are
-- UUIDs made by the station, so the line's central database takes the same rows idempotently.

CREATE TABLE spc_alarm (
    id             VARCHAR(36) NOT NULL PRIMARY KEY,
    station        VARCHAR(100) NOT NULL,
    plan_name      VARCHAR(100) NOT NULL,
    measurement    VARCHAR(100) NOT NULL,
    unit           VARCHAR(16) NOT NULL,
    batch          VARCHAR(100) NOT NULL,
    centre         DOUBLE PRECISION NOT NULL,
    sigma          DOUBLE PRECISION NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    first_serial   VARCHAR(64) NOT NULL,
    first_reading  DOUBLE PRECISION NOT NULL,
    -- rule ids seen while open, comma-separated (e.g. 'beyond-3-sigma,6-rising')
    rules          VARCHAR(200) NOT NULL,
    points         INT NOT NULL,
    last_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_serial    VARCHAR(64) NOT NULL,
    last_reading   DOUBLE PRECISION NOT NULL,
    last_rules     VARCHAR(200) NOT NULL
);
CREATE INDEX spc_alarm_chart ON spc_alarm (station, plan_name, measurement);

CREATE TABLE spc_ack (
    id        VARCHAR(36) NOT NULL PRIMARY KEY,
    alarm_id  VARCHAR(36) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    operator  VARCHAR(100) NOT NULL,
    comment   VARCHAR(1000),
    CONSTRAINT spc_ack_once UNIQUE (alarm_id)
);
ALTER TABLE spc_ack ADD CONSTRAINT spc_ack_alarm_fk FOREIGN KEY (alarm_id) REFERENCES spc_alarm (id);
