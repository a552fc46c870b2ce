-- CreateTable
CREATE TABLE "familiar_ips" (
    "userId" UUID NOT NULL,
    "ipKey" TEXT NOT NULL,
    "lastSuccessAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "familiar_ips_pkey" PRIMARY KEY ("userId","ipKey")
);

-- CreateIndex
CREATE INDEX "familiar_ips_lastSuccessAt_idx" ON "familiar_ips"("lastSuccessAt");

-- AddForeignKey
ALTER TABLE "familiar_ips" ADD CONSTRAINT "familiar_ips_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
