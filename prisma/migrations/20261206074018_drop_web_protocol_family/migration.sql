-- ProtocolFamily loses WEB: no code ever wrote it (web sign-in is limited by AttemptLimiter, not
-- by auth_locks). PostgreSQL cannot drop an enum value, so the column moves to a new type.
-- No BEGIN/COMMIT: the migrator runs the whole script as one transaction (and can then recover it
-- after a kill, see packages/db/src/migration-recovery.mjs), so a refusal below changes nothing.

-- A row with WEB would make the cast fail with a bare "invalid input value"; say what to do instead.
DO $$
DECLARE
  web_rows bigint;
BEGIN
  LOCK TABLE "auth_locks" IN SHARE ROW EXCLUSIVE MODE;
  SELECT count(*) INTO web_rows FROM "auth_locks" WHERE "family"::text = 'WEB';
  IF web_rows > 0 THEN
    RAISE EXCEPTION 'auth_locks has % row(s) with family WEB, which Mailgate never writes and this migration removes', web_rows
      USING HINT = 'Look at them (SELECT * FROM auth_locks WHERE family = ''WEB''), delete them, then migrate again.';
  END IF;
END $$;

-- AlterEnum
CREATE TYPE "ProtocolFamily_new" AS ENUM ('MAIL');
ALTER TABLE "auth_locks" ALTER COLUMN "family" DROP DEFAULT;
ALTER TABLE "auth_locks" ALTER COLUMN "family" TYPE "ProtocolFamily_new" USING ("family"::text::"ProtocolFamily_new");
ALTER TYPE "ProtocolFamily" RENAME TO "ProtocolFamily_old";
ALTER TYPE "ProtocolFamily_new" RENAME TO "ProtocolFamily";
DROP TYPE "ProtocolFamily_old";
ALTER TABLE "auth_locks" ALTER COLUMN "family" SET DEFAULT 'MAIL';
