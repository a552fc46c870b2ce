import type pg from 'pg';

// A comparable description of the tables, columns, indexes, constraints and enums of the
// `public` schema (Prisma's bookkeeping table excluded). Functions and triggers are not part of
// it: schema.prisma cannot express them, so they exist only in hand-written migrations. Nor are
// partitions: schema.prisma describes a partitioned table's parent (login_attempts), and an
// index on a parent reads "ON ONLY" where the same index on a plain table does not.
const NOT_A_PARTITION = (relation: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_class p WHERE p.relname = ${relation} AND p.relispartition)`;
const DESCRIPTION_QUERIES = {
  columns: `
    SELECT c.table_name || '.' || c.column_name || ' ' || c.udt_name || ' ' || c.is_nullable || ' ' || coalesce(c.column_default, '')
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' AND ${NOT_A_PARTITION('c.table_name')}`,
  indexes: `
    SELECT replace(indexdef, ' ON ONLY ', ' ON ') FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND ${NOT_A_PARTITION('tablename')}`,
  constraints: `
    SELECT rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
    FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations' AND NOT rel.relispartition`,
  enums: `
    SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace ns ON ns.oid = t.typnamespace
    WHERE ns.nspname = 'public' GROUP BY t.typname`,
};

export type SchemaDescription = Record<keyof typeof DESCRIPTION_QUERIES, string[]>;

export async function describeSchema(client: pg.Client): Promise<SchemaDescription> {
  const description = {} as SchemaDescription;
  for (const [part, sql] of Object.entries(DESCRIPTION_QUERIES) as [keyof SchemaDescription, string][]) {
    const { rows } = await client.query<[string]>({ text: sql, rowMode: 'array' });
    description[part] = rows.map(([line]) => line).sort();
  }
  return description;
}
