-- Ids are handed out in blocks of 50 by the app (onboarding.ui.persistence.Sequences): one nextval per block.
ALTER SEQUENCE prospect_seq INCREMENT BY 50;
ALTER SEQUENCE customer_seq INCREMENT BY 50;
