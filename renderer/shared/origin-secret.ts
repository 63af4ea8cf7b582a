/**
 * A secret a page keeps for its own origin: in localStorage, which no other origin — no other
 * port of 127.0.0.1 either — can read, unlike cookies. The account site keeps the half of its
 * session that is not in the cookie; browser mode's app pages keep the launch key.
 */
export interface OriginSecret {
  get(): string | null;
  set(value: string): void;
  clear(): void;
}

export function originSecret(storageKey: string): OriginSecret {
  let memory: string | null = null;
  return {
    get() {
      try {
        return window.localStorage.getItem(storageKey) ?? memory;
      } catch {
        // Storage can be unavailable (a sandboxed or private page): this page's memory then.
        return memory;
      }
    },
    set(value) {
      memory = value;
      try {
        window.localStorage.setItem(storageKey, value);
      } catch {
        // Kept in memory only, for this page's life.
      }
    },
    clear() {
      memory = null;
      try {
        window.localStorage.removeItem(storageKey);
      } catch {
        // Nothing stored.
      }
    },
  };
}
