// Prisma CLI configuration (generate, migrate diff). The JS schema engine keeps the CLI offline.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  async adapter() {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/onco' });
  },
});
