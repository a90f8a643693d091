-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastSeenAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "retentionWarnAt" DATETIME;
-- Hand-edited: Prisma redefined "Cohort", but migrations run inside a transaction where
-- PRAGMA foreign_keys=OFF is ignored, so DROP TABLE "Cohort" would cascade-delete every
-- cohort's members and trainers. Adding the column keeps them. ("Certificate" has no
-- children, so its redefinition below is safe.)
ALTER TABLE "Cohort" ADD COLUMN "departures" INTEGER NOT NULL DEFAULT 0;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Certificate" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
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
    "cohortId" TEXT,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Certificate" ("achievementName", "code", "cohortId", "completedAt", "contentVersion", "courseId", "courseTitle", "credential", "issuedAt", "issuerName", "language", "lookupAllowed", "moduleId", "pdf", "recipientName", "revokedAt", "revokedReason", "statusIndex", "userId") SELECT "achievementName", "code", "cohortId", "completedAt", "contentVersion", "courseId", "courseTitle", "credential", "issuedAt", "issuerName", "language", "lookupAllowed", "moduleId", "pdf", "recipientName", "revokedAt", "revokedReason", "statusIndex", "userId" FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_statusIndex_key" ON "Certificate"("statusIndex");
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");
CREATE INDEX "Certificate_courseId_idx" ON "Certificate"("courseId");
CREATE INDEX "Certificate_cohortId_idx" ON "Certificate"("cohortId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

