import type { Config } from '../../shared/config/index.ts';
import { createApiKey, ROLES, type Role } from '../../shared/db/repositories/keys.ts';
import { openRuntime } from '../../services/runtime.ts';
import { UsageError } from './usage-error.ts';

export async function keysCommand(config: Config, sub: string | undefined, values: { role?: string; name?: string; json?: boolean }): Promise<number> {
  if (sub !== 'create') throw new UsageError('usage: bitim keys create --role viewer|analyst|admin [--name <text>]');
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError('--role must be viewer, analyst or admin');
  const rt = await openRuntime(config);
  try {
    const created = await createApiKey(rt.db, values.role as Role, values.name ?? null);
    if (values.json) process.stdout.write(JSON.stringify(created) + '\n');
    else process.stdout.write(`${created.key}\n`), process.stderr.write(`Created ${created.role} key #${created.id}. It is shown only now: store it safely.\n`);
    return 0;
  } finally {
    await rt.close();
  }
}
