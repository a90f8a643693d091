// Every model and column of the database is declared in the privacy registry: adding one
// without saying how it is exported and erased fails here (and in tsc).
import { describe, expect, it } from "vitest";
import { Prisma } from "../../../generated/prisma/client.js";
import { PRIVACY_REGISTRY } from "../../../src/privacy/registry.js";

const models = Object.values(Prisma.ModelName);
const columnsOf = (model: string) =>
  Object.values((Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`] ?? {});

describe("the privacy registry", () => {
  it("declares every model of the Prisma schema, and nothing else", () => {
    expect(models.length).toBeGreaterThan(20);
    expect(Object.keys(PRIVACY_REGISTRY).sort()).toEqual([...models].sort());
  });

  it.each(models)("declares every column of %s, and nothing else", (model) => {
    const columns = columnsOf(model);
    expect(columns.length).toBeGreaterThan(0);
    expect(Object.keys(PRIVACY_REGISTRY[model].fields).sort()).toEqual([...columns].sort());
  });

  it("finds the person's rows by a column that exists, for every table it deletes or tombstones", () => {
    for (const [model, declaration] of Object.entries(PRIVACY_REGISTRY)) {
      const { rule } = declaration.erase;
      if (declaration.personKey) expect(columnsOf(model), model).toContain(declaration.personKey);
      // QuizAnswer is reached through its attempt.
      if ((rule === "delete" || rule === "tombstone") && model !== "QuizAnswer")
        expect(declaration.personKey, model).toBeDefined();
    }
  });

  it("exports the tables that hold exported columns", () => {
    for (const [model, declaration] of Object.entries(PRIVACY_REGISTRY)) {
      const exported = Object.values(declaration.fields).includes("exported");
      expect("section" in declaration.export, model).toBe(exported);
    }
  });
});
