-- Discretion (issue 11 §3). Plain ADD COLUMN rather than Prisma's table rebuild: the
-- result is the same schema, and it cannot drop columns other branches add to these tables.
-- Discreet mode is on for everyone, existing accounts included (docs/decisions/0015).
ALTER TABLE "User" ADD COLUMN "discreet" BOOLEAN NOT NULL DEFAULT true;
-- The public verification page names the course only if the learner says so.
ALTER TABLE "Certificate" ADD COLUMN "showCourse" BOOLEAN NOT NULL DEFAULT false;
