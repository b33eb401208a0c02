// `bitim` — one command for every role and for operators. Works against the configured database:
// DATABASE_URL, or the embedded PGlite under ./data (attaching to a running `bitim start` if there is one).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../shared/config/index.ts';

const USAGE = `bitim — conflict-risk early warning for Kazakhstan

Usage:
  bitim start                         everything in one process (API, ingest and score workers, scheduler)
  bitim api                           the HTTP API only
  bitim worker ingest|score           one worker kind (run as many copies as you like)
  bitim migrate                       apply database migrations
  bitim feeds add <url> [--lang kk|ru|en] [--region <KATO>] [--interval <min>] [--full-text]
  bitim feeds list                    feeds with their health
  bitim feeds remove <id|url>
  bitim feeds import <file>           JSON array (like the starter list) or one URL per line
  bitim ingest --once [--feed <id|url>]   poll now, wait until new articles are scored
  bitim rescore [--since <date>]      re-run the current engine over stored articles
  bitim keys create --role viewer|analyst|admin [--name <text>]
  bitim analyze [--input file.jsonl]  analyse JSON Lines from a file or stdin (no database needed)

Options: --json (JSON Lines on stdout), --help
Configuration: environment variables (see README), or bitim.config.json / BITIM_CONFIG.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      lang: { type: 'string' },
      region: { type: 'string' },
      interval: { type: 'string' },
      'full-text': { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
      feed: { type: 'string' },
      since: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      input: { type: 'string', short: 'i' },
      timeout: { type: 'string' },
    },
  });
  const [cmd, sub, ...rest] = positionals;
  if (values.help || !cmd) {
    process.stdout.write(USAGE + '\n');
    return cmd || values.help ? 0 : 2;
  }
  if (cmd === 'analyze') {
    const { analyzeCommand } = await import('./commands/analyze.ts');
    return analyzeCommand(values.input);
  }
  const config = loadConfig();
  switch (cmd) {
    case 'start':
    case 'api':
    case 'worker': {
      const { runRoles } = await import('./commands/run.ts');
      return runRoles(config, cmd, sub);
    }
    case 'migrate': {
      const { migrateCommand } = await import('./commands/run.ts');
      return migrateCommand(config, values.json);
    }
    case 'feeds': {
      const { feedsCommand } = await import('./commands/feeds.ts');
      return feedsCommand(config, sub, rest, values);
    }
    case 'ingest': {
      const { ingestCommand } = await import('./commands/ingest.ts');
      return ingestCommand(config, values);
    }
    case 'rescore': {
      const { rescoreCommand } = await import('./commands/rescore.ts');
      return rescoreCommand(config, values);
    }
    case 'keys': {
      const { keysCommand } = await import('./commands/keys.ts');
      return keysCommand(config, sub, values);
    }
    default:
      process.stderr.write(`bitim: unknown command "${cmd}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: Error) => {
    if (err instanceof ConfigError || (err as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.name === 'UsageError') {
      process.stderr.write(`bitim: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`bitim: ${err.message}\n`);
      if (process.env.LOG_LEVEL === 'debug') process.stderr.write(`${err.stack}\n`);
      process.exitCode = 1;
    }
  },
);
