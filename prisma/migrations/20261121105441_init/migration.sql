-- CreateTable
CREATE TABLE "CourseVersion" (
    "courseId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("courseId", "version")
);

