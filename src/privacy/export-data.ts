// The person's export as data: one JSON document (what a program reads) plus the
// certificate files, read in one transaction. Only the person's own rows and the names of
// the courses, cohorts and organisations they belong to: nothing about other people, no
// secrets (password and token hashes are declared `secret` in registry.ts).
import type { AppDeps } from "../deps.js";
import { HttpError } from "../web/errors.js";
import { type PersonalRows, readPersonalRows } from "./export-queries.js";

export const EXPORT_FORMAT = "sendero-personal-data/1";

export type ExportFile = { name: string; data: Uint8Array | string };
export type PersonalExport = { document: ReturnType<typeof toDocument>; files: ExportFile[] };

type Deps = Pick<AppDeps, "db" | "clock" | "catalog" | "env">;

/** Answers, snapshots and responses are stored as JSON text: export them as JSON values. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

/** Our sanitised prompt HTML as plain text, for a page and a file read outside the site. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_m, name: string) => ENTITIES[name]!)
    .trim();
}

/** Each question's prompt as the attempt showed it (snapshot: `{ questions }`), so answers read on their own. */
function promptsOf(snapshot: unknown): Map<string, string> {
  const prompts = new Map<string, string>();
  const list = (snapshot as { questions?: unknown })?.questions;
  if (!Array.isArray(list)) return prompts;
  for (const q of list as { id?: unknown; promptHtml?: unknown }[])
    if (typeof q?.id === "string" && typeof q.promptHtml === "string") prompts.set(q.id, plainText(q.promptHtml));
  return prompts;
}

/** A graded response (src/quiz/grading.ts `Response`) in a few words. */
function answerText(response: unknown): string {
  const r = (response ?? {}) as Record<string, unknown>;
  if (typeof r.text === "string") return r.text;
  if (r.value !== undefined) return String(r.value);
  if (typeof r.optionId === "string") return r.optionId;
  if (Array.isArray(r.optionIds)) return r.optionIds.join(", ");
  if (Array.isArray(r.order)) return r.order.join(" → ");
  if (r.matches && typeof r.matches === "object")
    return Object.entries(r.matches as Record<string, unknown>)
      .map(([k, v]) => `${k} → ${String(v)}`)
      .join(", ");
  return JSON.stringify(response);
}

const certificateFile = (code: string, ext: "pdf" | "json") => `certificates/certificate-${code}.${ext}`;

function toDocument(deps: Deps, rows: PersonalRows, exportedAt: Date) {
  const courseTitle = (id: string) => deps.catalog.current.courseById.get(id)?.title ?? id;
  const { user } = rows;
  return {
    format: EXPORT_FORMAT,
    instance: deps.env.instanceName,
    exportedAt,
    profile: {
      username: user.username,
      displayName: user.displayName,
      certificateName: user.certificateName,
      email: user.email,
      locale: user.locale,
      platformRole: user.platformRole,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      lastSeenAt: user.lastSeenAt,
      disabledAt: user.disabledAt,
      retentionWarningSentAt: user.retentionWarnAt,
      discreetMode: user.discreet,
      recoveryCodes: {
        unused: rows.recoveryCodes.filter((c) => !c.usedAt).length,
        usedAt: rows.recoveryCodes.flatMap((c) => (c.usedAt ? [c.usedAt] : [])),
      },
      passwordResetRequests: rows.passwordResets,
    },
    sessions: rows.sessions,
    enrolments: rows.enrolments.map(({ userId: _, ...e }) => ({ ...e, courseTitle: courseTitle(e.courseId) })),
    cohorts: rows.cohorts.map((m) => ({
      organisation: m.cohort.org.name,
      cohort: m.cohort.name,
      courseId: m.cohort.courseId,
      joinedAt: m.joinedAt,
      via: m.via,
    })),
    staff: {
      organisations: rows.staff.map((m) => ({ organisation: m.org.name, role: m.role, since: m.createdAt })),
      trainerOf: rows.trainerOf.map((t) => ({
        organisation: t.cohort.org.name,
        cohort: t.cohort.name,
        courseId: t.cohort.courseId,
      })),
    },
    lessonProgress: rows.lessonProgress.map(({ userId: _, ...p }) => p),
    quizAttempts: rows.quizAttempts.map(({ userId: _, id: __, snapshot, answers, ...a }) => {
      // Only the prompts: the snapshot also holds the answer key, which an export taken
      // during an attempt (or of a "retry" quiz) must not give away.
      const prompts = promptsOf(parsed(snapshot));
      return {
        ...a,
        answers: answers.map(({ attemptId: _a, response, ...answer }) => ({
          ...answer,
          question: prompts.get(answer.questionId) ?? null,
          answer: answerText(parsed(response)),
          response: parsed(response),
        })),
      };
    }),
    exercises: rows.exercises.map(({ userId: _, ...e }) => e),
    surveysAnswered: rows.surveys.map(({ userId: _, ...s }) => s),
    certificates: rows.certificates.map(
      ({ userId: _, pdf: __, credential: ___, statusIndex: _s, cohortId: _c, ...c }) => ({
        ...c,
        files: { pdf: certificateFile(c.code, "pdf"), credential: certificateFile(c.code, "json") },
      }),
    ),
    invitations: {
      cohortPlaces: rows.cohortPlaces.map((p) => ({
        organisation: p.cohort.org.name,
        cohort: p.cohort.name,
        courseId: p.cohort.courseId,
        name: p.name,
        email: p.email,
        language: p.language,
        createdAt: p.createdAt,
      })),
      staff: rows.staffInvitations.map((i) => ({
        organisation: i.org.name,
        role: i.role,
        email: i.email,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
        usedAt: i.usedAt,
        revokedAt: i.revokedAt,
      })),
    },
  };
}

/** Everything about the person, or a clear 410 when the account is gone (erased meanwhile). */
export async function collectPersonalExport(deps: Deps, userId: string): Promise<PersonalExport> {
  const exportedAt = deps.clock.now();
  const rows = await deps.db.$transaction((tx) => readPersonalRows(tx, userId), { timeout: 30_000 });
  if (!rows) throw new HttpError(410, "privacy.gone");
  const files: ExportFile[] = rows.certificates.flatMap((c) => [
    { name: certificateFile(c.code, "pdf"), data: new Uint8Array(c.pdf) },
    { name: certificateFile(c.code, "json"), data: c.credential },
  ]);
  return { document: toDocument(deps, rows, exportedAt), files };
}
