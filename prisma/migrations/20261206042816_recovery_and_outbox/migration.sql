-- CreateEnum
CREATE TYPE "ResetOrigin" AS ENUM ('SELF', 'STAFF');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "password_reset_tokens" ADD COLUMN     "origin" "ResetOrigin" NOT NULL DEFAULT 'STAFF',
ADD COLUMN     "sentTo" TEXT;

-- CreateTable
CREATE TABLE "recovery_addresses" (
    "userId" UUID NOT NULL,
    "email" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "pendingEmail" TEXT,
    "pendingTokenHash" TEXT,
    "pendingExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recovery_addresses_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "outbox_mails" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID,
    "kind" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "outbox_mails_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "recovery_addresses_pendingTokenHash_key" ON "recovery_addresses"("pendingTokenHash");

-- CreateIndex
CREATE INDEX "outbox_mails_status_nextAttemptAt_idx" ON "outbox_mails"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_mails_userId_createdAt_idx" ON "outbox_mails"("userId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "recovery_addresses" ADD CONSTRAINT "recovery_addresses_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_mails" ADD CONSTRAINT "outbox_mails_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
