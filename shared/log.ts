// Structured logs (pino) on stderr: stdout belongs to command output (JSON Lines for scripts).
import pino, { type Logger } from 'pino';

export function createLogger(level: string, name = 'bitim'): Logger {
  return pino({ name, level, base: { pid: process.pid } }, pino.destination({ fd: 2, sync: false }));
}

export type { Logger };
