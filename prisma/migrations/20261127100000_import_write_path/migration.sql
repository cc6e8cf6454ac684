-- A consent record's workspace is its contact's (the writers copy it from the contact, and
-- deleting a workspace deletes its contacts, which deletes their records). The foreign key
-- to workspace only repeated that check, on every row: a sixth of a CSV import's consent writes.

-- DropForeignKey
ALTER TABLE "consent_record" DROP CONSTRAINT "consent_record_workspace_id_fkey";
