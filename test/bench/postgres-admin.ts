import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';

/** Starts the local Debian cluster when nothing answers on the admin URL. */
export async function ensurePostgresRunning(adminUrl: string): Promise<void> {
  if (await answers(adminUrl)) return;
  const version = readdirSync('/etc/postgresql')[0];
  process.stdout.write(`PostgreSQL is down; starting cluster ${version}/main\n`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 30; i++) {
    if (await answers(adminUrl)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`PostgreSQL did not come up at ${adminUrl}`);
}

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Drops (closing its sessions) and creates a database, so every run starts from nothing. */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Whether pg_stat_statements is preloaded, so `create extension` would give real per-statement counts. */
export async function statStatementsLoaded(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select current_setting('shared_preload_libraries') as libs`;
    return String(row.libs).split(',').map((s) => s.trim()).includes('pg_stat_statements');
  } finally {
    await sql.end({ timeout: 5 });
  }
}
