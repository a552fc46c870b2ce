-- AlterTable
ALTER TABLE "protocol_access" ADD COLUMN     "expiryHandledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "protocol_access_enabledUntil_idx" ON "protocol_access"("enabledUntil");
