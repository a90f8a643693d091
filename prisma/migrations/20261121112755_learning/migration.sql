-- CreateTable
CREATE TABLE "Enrolment" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "enrolledAt" DATETIME NOT NULL,
    "lastModuleId" TEXT,
    "lastLessonId" TEXT,
    "lastVisitedAt" DATETIME,

    PRIMARY KEY ("userId", "courseId"),
    CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "courseId", "moduleId", "lessonId"),
    CONSTRAINT "LessonProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    "score" REAL,
    "passed" BOOLEAN,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "solved" BOOLEAN NOT NULL,
    "tries" INTEGER NOT NULL DEFAULT 1,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("attemptId", "questionId"),
    CONSTRAINT "QuizAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExerciseResponse" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "courseId", "moduleId", "exerciseId"),
    CONSTRAINT "ExerciseResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "moduleId" TEXT,
    "surveyId" TEXT NOT NULL,
    "answers" TEXT NOT NULL
) WITHOUT ROWID; -- hand-edited: no insertion-ordered rowid that could link answers to participants

-- CreateTable
CREATE TABLE "SurveyParticipation" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,

    PRIMARY KEY ("userId", "courseId", "surveyId")
) WITHOUT ROWID; -- hand-edited: see SurveyResponse

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_userId_courseId_moduleId_quizId_number_key" ON "QuizAttempt"("userId", "courseId", "moduleId", "quizId", "number");

-- CreateIndex
CREATE INDEX "SurveyResponse_courseId_surveyId_idx" ON "SurveyResponse"("courseId", "surveyId");

