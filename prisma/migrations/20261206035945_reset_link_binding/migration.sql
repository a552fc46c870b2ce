-- Links issued before this migration were not bound to the target's state, so none of them can be
-- trusted not to hand over an account that changed since: void the unused ones, then record the
-- target's current state on every row so the columns can be NOT NULL.
UPDATE "password_reset_tokens" SET "expiresAt" = now() WHERE "usedAt" IS NULL AND "expiresAt" > now();

-- AlterTable
ALTER TABLE "password_reset_tokens" ADD COLUMN     "targetRole" "Role",
ADD COLUMN     "targetSecurityVersion" INTEGER;

UPDATE "password_reset_tokens" AS t
SET "targetRole" = u."role", "targetSecurityVersion" = u."securityVersion"
FROM "users" AS u
WHERE u."id" = t."userId";

ALTER TABLE "password_reset_tokens" ALTER COLUMN "targetRole" SET NOT NULL,
ALTER COLUMN "targetSecurityVersion" SET NOT NULL;
