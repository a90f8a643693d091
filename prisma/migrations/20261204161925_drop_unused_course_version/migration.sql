-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "CourseVersion";
PRAGMA foreign_keys=on;

