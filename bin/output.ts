// CLI output: human lines by default, JSON Lines with --json. Progress goes to stderr only.

export interface Out {
  json: boolean;
  /** One result record: a JSON line, or the human rendering. */
  record(obj: unknown, human?: string): void;
  info(line: string): void;
  progress(done: number, total: number, label: string): void;
  done(): void;
}

export function createOut(json: boolean): Out {
  const tty = process.stderr.isTTY;
  let lastProgress = 0;
  return {
    json,
    record(obj, human) {
      process.stdout.write(json || human === undefined ? JSON.stringify(obj) + '\n' : human + '\n');
    },
    info(line) {
      if (!json) process.stderr.write(line + '\n');
    },
    progress(done, total, label) {
      const now = Date.now();
      if (done !== total && now - lastProgress < 250) return;
      lastProgress = now;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const line = `${label}: ${done}/${total} (${pct}%)`;
      if (tty) process.stderr.write(`\r${line}\x1b[K`);
      else process.stderr.write(line + '\n');
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
