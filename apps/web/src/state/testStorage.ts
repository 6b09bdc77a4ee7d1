/** For tests: a Map-backed Storage; setItem throws the browser's quota error for keys `refuse` picks. */
export function memoryStorage(initial: Record<string, string> = {}, refuse: (key: string) => boolean = () => false) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse(k))
        throw new DOMException("Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.", 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
}
