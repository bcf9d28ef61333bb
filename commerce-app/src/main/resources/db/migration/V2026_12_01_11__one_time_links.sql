-- One-time links (activation, invitation, password reset) are minted when their mail is sent, never stored in the
-- mail (onboarding.commerce.mail.OneTimeLinks): the mail row keeps a placeholder and says for whom and for what the
-- sender must issue a token; the token table keeps only the token's SHA-256, as before.
ALTER TABLE mail_message
    ADD COLUMN link_customer_id bigint REFERENCES customer (id),
    ADD COLUMN link_purpose     text;

ALTER TABLE activation_token ADD COLUMN purpose text NOT NULL DEFAULT 'ACTIVATION';
CREATE INDEX activation_token_customer ON activation_token (customer_id, purpose) WHERE used_at IS NULL;
