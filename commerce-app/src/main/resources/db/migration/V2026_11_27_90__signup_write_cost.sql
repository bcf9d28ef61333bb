-- What a signup costs PostgreSQL (issue 6, bench scenario 1), and the mail queue under a backlog.

-- The relay marks each prospect replicated right after its signup (replication_status, lead_id, lead_number: no
-- index reads them). Pages filled to 100 % by the inserts left no room for the new row version on its page, so
-- four updates in five were not HOT: each wrote a new entry into every index of the table, trigram index
-- included. Room on each page keeps that update on the page and out of the indexes. The page a row was inserted
-- into is usually still taking inserts when the row is updated (pinned, so PostgreSQL cannot prune it): 85 % left
-- room for two or three of its ~16 rows (38 % of the updates HOT in bench scenario 1), 70 % for about half of its
-- ~12 rows (57 to 60 % HOT, was 20 %). (New pages only: older ones keep their layout until they are rewritten.)
ALTER TABLE prospect SET (fillfactor = 70);

-- The mail is queued by a plain JDBC insert in the signup transaction (MailService.queue), before Hibernate has
-- written the prospect at commit: its reference to the prospect is checked at commit.
ALTER TABLE mail_message ALTER CONSTRAINT mail_message_prospect_id_fkey DEFERRABLE INITIALLY DEFERRED;

-- The sender takes due mails in the order of their attempt time (MailSender.reserveDue: status = 'QUEUED' AND
-- next_attempt_at <= now ORDER BY next_attempt_at, id LIMIT n FOR UPDATE SKIP LOCKED), a range of this index.
-- It took them in id order before, and PostgreSQL read every due mail to sort them by id (mail_message_queued was
-- seldom chosen): with thousands of mails waiting during a signup peak, each batch read thousands of rows and the
-- "application received" mail ran 20 to 40 s behind the signups.
DROP INDEX mail_message_due;
DROP INDEX mail_message_queued;
CREATE INDEX mail_message_due ON mail_message (next_attempt_at, id) WHERE status = 'QUEUED';
