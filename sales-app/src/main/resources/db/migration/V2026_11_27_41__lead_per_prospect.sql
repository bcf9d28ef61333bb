-- One lead per Commerce prospect: a second copy (initial sync, replay) updates the lead instead.
CREATE UNIQUE INDEX lead_prospect ON lead (prospect_id) WHERE prospect_id IS NOT NULL;
