-- Offline sync: per-field hybrid logical clocks of every entry, and the log of applied ops.

-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "deletedHlc" TEXT,
ADD COLUMN     "fieldClocks" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "SyncOp" (
    "opId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncOp_pkey" PRIMARY KEY ("opId")
);

-- CreateIndex
CREATE INDEX "SyncOp_createdAt_idx" ON "SyncOp"("createdAt");

-- AddForeignKey
ALTER TABLE "SyncOp" ADD CONSTRAINT "SyncOp_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
