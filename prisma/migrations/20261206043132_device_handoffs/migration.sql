-- CreateTable
CREATE TABLE "device_handoffs" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "deviceName" TEXT NOT NULL,
    "incoming" "Protocol" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "device_handoffs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "device_handoffs_tokenHash_key" ON "device_handoffs"("tokenHash");

-- CreateIndex
CREATE INDEX "device_handoffs_userId_idx" ON "device_handoffs"("userId");

-- AddForeignKey
ALTER TABLE "device_handoffs" ADD CONSTRAINT "device_handoffs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
