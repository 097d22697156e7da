// drizzle-kit writes foreign keys as REFERENCES "public"."table". We run the same migrations in
// any schema (tests isolate themselves per schema on PostgreSQL), so names must follow search_path.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../src/store/migrations/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
  const path = new URL(file, dir);
  const sql = readFileSync(path, 'utf8');
  const fixed = sql.replaceAll('"public".', '');
  if (fixed !== sql) writeFileSync(path, fixed);
}
