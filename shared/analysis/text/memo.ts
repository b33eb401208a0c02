/** A Map-based memo that is emptied when it reaches `limit` entries (bounded memory, no LRU cost). */
export function memo<V>(fn: (k: string) => V, limit = 100_000): (k: string) => V {
  let cache = new Map<string, V>();
  return (k: string) => {
    let v = cache.get(k);
    if (v === undefined) {
      v = fn(k);
      if (cache.size >= limit) cache = new Map();
      cache.set(k, v);
    }
    return v;
  };
}
