-- Server-side sessions (onboarding.ui.security.Sessions): the browser holds a random token in an HttpOnly cookie,
-- the database only its SHA-256. Signing out, a deactivation or a password change deletes the rows: a copied cookie
-- stops working at its next request. realm says which directory the subject belongs to (staff users of app_user, or
-- Commerce's partner users); subject is that directory's key (a user name, a customer id).
CREATE TABLE app_session (
    id           bigserial PRIMARY KEY,
    token_hash   text        NOT NULL UNIQUE,
    realm        text        NOT NULL,
    subject      text        NOT NULL,
    address      text,
    user_agent   text,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX app_session_subject ON app_session (realm, subject);
CREATE INDEX app_session_expires ON app_session (expires_at);

-- Failed sign-ins, per user name and per client address (onboarding.ui.security.SignInThrottle): only failures are
-- written, and rows older than the throttle window are deleted as new ones come.
CREATE TABLE sign_in_failure (
    id         bigserial PRIMARY KEY,
    key        text        NOT NULL,
    failed_at  timestamptz NOT NULL
);
CREATE INDEX sign_in_failure_key ON sign_in_failure (key, failed_at);
