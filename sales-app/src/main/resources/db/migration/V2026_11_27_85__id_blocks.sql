-- Ids are handed out in blocks of 50 by the app (onboarding.ui.persistence.Sequences): one nextval per block.
ALTER SEQUENCE lead_seq INCREMENT BY 50;
ALTER SEQUENCE account_seq INCREMENT BY 50;
ALTER SEQUENCE contact_seq INCREMENT BY 50;
ALTER SEQUENCE opportunity_seq INCREMENT BY 50;
