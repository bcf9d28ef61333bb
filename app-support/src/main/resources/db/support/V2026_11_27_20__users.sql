-- People who sign in to the app (staff in Commerce, sales users in Sales). Passwords are bcrypt hashes.
CREATE TABLE app_user (
    id           bigserial PRIMARY KEY,
    username     text NOT NULL UNIQUE,
    password     text NOT NULL,
    roles        text NOT NULL,          -- comma separated
    display_name text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
