// Prisma CLI configuration: the JS (WebAssembly) schema engine with the better-sqlite3
// adapter, so `prisma generate` and `prisma migrate deploy` work without downloading
// engine binaries (STACK.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { PrismaConfig } from "prisma";

const url = process.env.DATABASE_URL ?? "file:./data/sendero.db";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url }),
} satisfies PrismaConfig;
