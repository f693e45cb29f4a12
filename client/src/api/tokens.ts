// Where the browser keeps its sign-in tokens: member and staff in localStorage, screen tokens per
// session in sessionStorage. Every access survives a storage that is full or disabled.

/** One browser may hold a member session, a staff session and screen tokens at once. */
export type TokenKind = 'member' | 'staff';

const TOKEN_KEYS: Record<TokenKind, string> = {
  member: 'minsheng.token.member',
  staff: 'minsheng.token.staff',
};

function safeGet(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(storage: Storage, key: string, value: string | null) {
  try {
    if (value == null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    /* storage full or disabled */
  }
}

export function getToken(kind: TokenKind): string | null {
  return safeGet(localStorage, TOKEN_KEYS[kind]);
}
export function setToken(kind: TokenKind, token: string | null) {
  safeSet(localStorage, TOKEN_KEYS[kind], token);
}

/** Screen tokens are per session and live in sessionStorage (one window = one screen). */
export function getScreenToken(sessionId: string): string | null {
  return safeGet(sessionStorage, `minsheng.token.screen.${sessionId}`);
}
export function setScreenToken(sessionId: string, token: string | null) {
  safeSet(sessionStorage, `minsheng.token.screen.${sessionId}`, token);
}

export { safeGet as storageGet, safeSet as storageSet };
