-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "collection" TEXT NOT NULL,
    "familyId" UUID NOT NULL,
    "childId" UUID,
    "type" TEXT NOT NULL,
    "key" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Document_collection_familyId_childId_type_createdAt_idx" ON "Document"("collection", "familyId", "childId", "type", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Document_collection_familyId_key_key" ON "Document"("collection", "familyId", "key");

