// Tokens live in this tab's sessionStorage only: never in a URL, gone when the tab closes.

export function createSession(name) {
  const key = `orleansbooking.${name}.tokens`;
  return {
    get tokens() {
      const raw = sessionStorage.getItem(key);
      return raw ? JSON.parse(raw) : null;
    },
    save(tokens) {
      sessionStorage.setItem(key, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
    },
    clear() {
      sessionStorage.removeItem(key);
    },
    get signedIn() {
      return this.tokens !== null;
    },
  };
}
