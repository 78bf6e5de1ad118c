-- A station that starts again recalls which faults it reported and has not cleared yet (docs/cfx.md),
-- reading only its FaultOccurred and FaultCleared rows, not every message it ever sent.
CREATE INDEX cfx_outbox_by_name ON cfx_outbox (source, message_name, id);
