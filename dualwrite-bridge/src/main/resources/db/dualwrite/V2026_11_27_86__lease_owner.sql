-- Which relay process holds an INFLIGHT event's lease: a process that restarts releases its own leases at once
-- instead of waiting for them to expire (other processes' leases are left alone).
ALTER TABLE dualwrite_outbox ADD COLUMN lease_owner text;
