// pglite-socket runs the messages of all its connections through one queue, one message at a time. It
// keeps a connection's messages together inside an explicit transaction, but not across an
// extended-protocol exchange (Parse, Bind, Describe, Execute … Sync), which node-postgres uses for every
// parameterised query. Two pooled connections then interleave: B's Parse replaces A's unnamed
// statement before A's Bind ("unnamed prepared statement does not exist", "bind message supplies N
// parameters"). This keeps each exchange whole: once a connection starts one, only its messages run
// until its Sync (or a simple Query / Terminate).

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve: (n: number) => void;
  reject: (err: unknown) => void;
  onData: (data: Uint8Array) => void;
}

interface QueueInternals {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(fn: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, opts: { onRawData: (d: Uint8Array) => void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const OPENS = new Set([0x50 /* P */, 0x42 /* B */, 0x44 /* D */, 0x45 /* E */, 0x43 /* C */, 0x48 /* H */]);
const CLOSES = new Set([0x53 /* S */, 0x51 /* Q */, 0x58 /* X */]);

export function keepExtendedQueriesWhole(queryQueue: unknown): void {
  const q = queryQueue as QueueInternals;
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function') {
    throw new Error('pglite-socket changed its internals: review shared/db/pglite-queue-fix.ts');
  }
  let open: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  const releaseLater = (queue: QueueInternals, handlerId: number) => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      if (open === handlerId) {
        open = null;
        void queue.processQueue();
      }
    }, 25);
    timer.unref();
  };
  const originalClear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    if (open === handlerId) open = null;
    originalClear(handlerId);
    void q.processQueue();
  };
  q.processQueue = async function processQueue(this: QueueInternals) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.db.isInTransaction() && this.lastHandlerId !== null ? this.lastHandlerId : open;
        const idx = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (idx === -1) {
          // The owner's next message has not arrived yet; enqueue() resumes us. A client that stops
          // mid-exchange (a cursor reading pages, a dropped socket) must not stall everyone: after a
          // short grace the exchange loses its claim.
          if (owner === open && open !== null) releaseLater(this, open);
          break;
        }
        const item = this.queue.splice(idx, 1)[0]!;
        const type = item.message[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (d) => {
                bytes += d.length;
                item.onData(d);
              },
            }),
          );
        } catch (err) {
          if (open === item.handlerId) open = null;
          item.reject(err);
          continue;
        }
        if (OPENS.has(type)) open = item.handlerId;
        else if (CLOSES.has(type) && open === item.handlerId) open = null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
