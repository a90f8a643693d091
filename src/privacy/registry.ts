// The privacy registry: every table and every column declares what it holds about people,
// how it goes into a person's export and what erasing them does to it. The model is
// Moodle's privacy API, where each plugin describes its data (metadata provider) and
// implements export and deletion for one user; here the declarations live in one file and
// src/privacy/export-data.ts and erase-queries.ts implement them.
//
// The type below is built from the generated Prisma client, so a new model or column that
// is not declared here fails `tsc`; tests/unit/privacy/registry.test.ts checks the same
// against the client's model list at run time (and that no stale entry remains).
import type { Prisma } from "../../generated/prisma/client.js";

/**
 * What a column holds:
 * - `exported`: about the person, in their export, gone when they are erased;
 * - `secret`: about the person but never exported (hashes of passwords, tokens, codes);
 * - `reference`: an id or a date that only links rows together;
 * - `content`: course content, organisation settings — nothing about a person.
 */
export type FieldKind = "exported" | "secret" | "reference" | "content";

/**
 * What erasing a person does to a table's rows about them:
 * - `delete`: the rows go (in the erase transaction);
 * - `tombstone`: the row stays, stripped of everything personal (certificates: "revoked");
 * - `count`: only a counter moves ("a learner left"), never who;
 * - `keep`: the table holds nothing that can be tied to a person;
 * - `expire`: short-lived rows that are pruned on their own (and hold only keyed hashes or others' data).
 */
export type EraseRule = "delete" | "tombstone" | "count" | "keep" | "expire";

export type ModelDeclaration<Field extends string> = {
  /** Whose data this is, in one sentence. */
  about: string;
  /** The export section it appears in, or why it is not exported. */
  export: { section: string } | { none: string };
  erase: { rule: EraseRule; how: string };
  /** How the rows of one person are found: by their id, or by their address (invitations). */
  personKey?: "id" | "userId" | "email";
  fields: Record<Field, FieldKind>;
};

type ScalarFieldsOf<M extends Prisma.ModelName> = keyof (typeof Prisma)[`${M}ScalarFieldEnum`] & string;

export type PrivacyRegistry = { [M in Prisma.ModelName]: ModelDeclaration<ScalarFieldsOf<M>> };

export const PRIVACY_REGISTRY: PrivacyRegistry = {
  HealthProbe: {
    about: "One row /healthz rewrites to prove the database accepts writes.",
    export: { none: "A timestamp, not about anyone." },
    erase: { rule: "keep", how: "Nothing personal." },
    fields: { id: "content", checkedAt: "content" },
  },
  User: {
    about: "The account itself.",
    export: { section: "profile" },
    erase: { rule: "delete", how: "The row is deleted last, after everything that points to it." },
    personKey: "id",
    fields: {
      id: "reference",
      username: "exported",
      displayName: "exported",
      certificateName: "exported",
      email: "exported",
      passwordHash: "secret",
      locale: "exported",
      platformRole: "exported",
      disabledAt: "exported",
      createdAt: "exported",
      updatedAt: "exported",
      lastSeenAt: "exported",
      retentionWarnAt: "exported",
      discreet: "exported",
    },
  },
  Session: {
    about: "Where the person is signed in.",
    export: { section: "sessions" },
    erase: { rule: "delete", how: "Deleted: every device is signed out." },
    personKey: "userId",
    fields: {
      id: "reference",
      secretHash: "secret",
      userId: "reference",
      createdAt: "exported",
      lastUsedAt: "exported",
      browser: "exported",
    },
  },
  RecoveryCode: {
    about: "Hashes of the person's one-time recovery codes.",
    export: { section: "profile" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: { codeHash: "secret", userId: "reference", usedAt: "exported", createdAt: "exported" },
  },
  PasswordReset: {
    about: "Hashes of emailed password-reset links.",
    export: { section: "profile" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: {
      tokenHash: "secret",
      userId: "reference",
      expiresAt: "exported",
      usedAt: "exported",
      createdAt: "exported",
    },
  },
  RateLimit: {
    about: "Counters of attempts, keyed by keyed hashes of IPs, names and account ids.",
    export: { none: "The keys are one-way hashes with a server secret: nothing readable about anyone." },
    erase: { rule: "expire", how: "Rows expire within a day of the last attempt and are pruned." },
    fields: {
      key: "secret",
      tokens: "reference",
      failures: "reference",
      blockedUntil: "reference",
      updatedAt: "reference",
      expiresAt: "reference",
    },
  },
  Enrolment: {
    about: "The courses the person follows.",
    export: { section: "enrolments" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: {
      userId: "reference",
      courseId: "exported",
      enrolledAt: "exported",
      lastModuleId: "exported",
      lastLessonId: "exported",
      lastVisitedAt: "exported",
    },
  },
  LessonProgress: {
    about: "Lessons the person marked complete.",
    export: { section: "lessonProgress" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: {
      userId: "reference",
      courseId: "exported",
      moduleId: "exported",
      lessonId: "exported",
      completedAt: "exported",
    },
  },
  QuizAttempt: {
    about: "The person's quiz attempts, with the questions as they were shown.",
    export: { section: "quizAttempts" },
    erase: { rule: "delete", how: "Deleted with their answers." },
    personKey: "userId",
    fields: {
      id: "reference",
      userId: "reference",
      courseId: "exported",
      moduleId: "exported",
      quizId: "exported",
      number: "exported",
      /** The questions as shown, with their answer key: only the prompts are exported. */
      snapshot: "content",
      startedAt: "exported",
      submittedAt: "exported",
      score: "exported",
      passed: "exported",
    },
  },
  QuizAnswer: {
    about: "Every answer the person gave (found through their attempts).",
    export: { section: "quizAttempts" },
    erase: { rule: "delete", how: "Deleted with the attempts they belong to." },
    fields: {
      attemptId: "reference",
      questionId: "exported",
      response: "exported",
      score: "exported",
      correct: "exported",
      solved: "exported",
      tries: "exported",
      answeredAt: "exported",
    },
  },
  ExerciseResponse: {
    about: "The person's private reflections.",
    export: { section: "exercises" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: {
      userId: "reference",
      courseId: "exported",
      moduleId: "exported",
      exerciseId: "exported",
      text: "exported",
      updatedAt: "exported",
    },
  },
  SurveyResponse: {
    about: "Anonymous survey answers: no person, no time, random keys.",
    export: { none: "They cannot be tied to anyone, so they cannot be told apart to export." },
    erase: { rule: "keep", how: "They stay, still anonymous: nothing links them to the person." },
    fields: {
      id: "reference",
      courseId: "content",
      moduleId: "content",
      surveyId: "content",
      answers: "content",
      cohortId: "reference",
    },
  },
  SurveyParticipation: {
    about: "That the person answered a survey (not what).",
    export: { section: "surveys" },
    erase: { rule: "delete", how: "Deleted; the anonymous answers stay." },
    personKey: "userId",
    fields: { userId: "reference", courseId: "exported", surveyId: "exported" },
  },
  Certificate: {
    about: "Certificates and badges the person claimed, with their PDF and signed credential.",
    export: { section: "certificates" },
    erase: {
      rule: "tombstone",
      how: "Revoked; name, PDF and credential are wiped and the owner unlinked. Verification says “revoked”, with no name.",
    },
    personKey: "userId",
    fields: {
      code: "exported",
      userId: "reference",
      courseId: "exported",
      moduleId: "exported",
      achievementName: "exported",
      courseTitle: "exported",
      contentVersion: "exported",
      recipientName: "exported",
      language: "exported",
      issuerName: "exported",
      completedAt: "exported",
      issuedAt: "exported",
      lookupAllowed: "exported",
      statusIndex: "reference",
      credential: "exported",
      pdf: "exported",
      revokedAt: "exported",
      revokedReason: "exported",
      showCourse: "exported",
      cohortId: "reference",
    },
  },
  Organisation: {
    about: "Organisations: their name and description.",
    export: { none: "Organisation data; the person's memberships name their organisations." },
    erase: { rule: "keep", how: "Not the person's data." },
    fields: { id: "reference", slug: "content", name: "content", description: "content", createdAt: "content" },
  },
  Membership: {
    about: "The person's staff role in an organisation.",
    export: { section: "staff" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: { orgId: "exported", userId: "reference", role: "exported", createdAt: "exported" },
  },
  OrgInvitation: {
    about: "Invitations to join an organisation's staff, by address or link.",
    export: { section: "invitations" },
    erase: { rule: "delete", how: "Invitations sent to the person's address are deleted." },
    personKey: "email",
    fields: {
      tokenHash: "secret",
      orgId: "reference",
      role: "exported",
      email: "exported",
      createdAt: "exported",
      expiresAt: "exported",
      usedAt: "exported",
      revokedAt: "exported",
    },
  },
  Cohort: {
    about: "A group following a course, run by an organisation.",
    export: { none: "Organisation data; the person's memberships name their cohorts." },
    erase: { rule: "count", how: "`departures` goes up by one for each cohort the person was in: never who." },
    fields: {
      id: "reference",
      orgId: "reference",
      slug: "content",
      name: "content",
      courseId: "content",
      startsOn: "content",
      endsOn: "content",
      capacity: "content",
      joinCode: "content",
      createdAt: "content",
      departures: "content",
    },
  },
  CohortTrainer: {
    about: "The cohorts the person trains.",
    export: { section: "staff" },
    erase: { rule: "delete", how: "Deleted." },
    personKey: "userId",
    fields: { cohortId: "exported", userId: "reference" },
  },
  CohortMember: {
    about: "The cohorts the person learns in.",
    export: { section: "cohorts" },
    erase: { rule: "delete", how: "Deleted, after counting the departure." },
    personKey: "userId",
    fields: { cohortId: "exported", userId: "reference", joinedAt: "exported", via: "exported" },
  },
  CohortInvite: {
    about: "Join links of a cohort.",
    export: { none: "Organisation data: links are not addressed to anyone." },
    erase: { rule: "keep", how: "Nothing personal." },
    fields: {
      id: "reference",
      tokenHash: "secret",
      cohortId: "reference",
      createdAt: "content",
      expiresAt: "content",
      maxUses: "content",
      uses: "content",
      revokedAt: "content",
    },
  },
  PendingEnrolment: {
    about: "A cohort place waiting for the person's address (from an organisation's CSV).",
    export: { section: "invitations" },
    erase: { rule: "delete", how: "Places waiting for the person's address are deleted." },
    personKey: "email",
    fields: {
      cohortId: "reference",
      email: "exported",
      name: "exported",
      language: "exported",
      createdAt: "exported",
    },
  },
  CsvImport: {
    about: "An organisation admin's uploaded CSV, waiting for confirmation (other people's data).",
    export: { none: "The admin's upload, about many people; it is not kept." },
    erase: {
      rule: "expire",
      how: "Previews expire after an hour; expired ones are pruned at each import and each erasure.",
    },
    fields: { id: "reference", cohortId: "reference", rows: "secret", createdAt: "reference" },
  },
};
