-- CreateTable
CREATE TABLE "Certificate" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT,
    "achievementName" TEXT NOT NULL,
    "courseTitle" TEXT NOT NULL,
    "contentVersion" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "lookupAllowed" BOOLEAN NOT NULL DEFAULT true,
    "statusIndex" INTEGER NOT NULL,
    "credential" TEXT NOT NULL,
    "pdf" BLOB NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusIndex_key" ON "Certificate"("statusIndex");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- CreateIndex
CREATE INDEX "Certificate_courseId_idx" ON "Certificate"("courseId");

