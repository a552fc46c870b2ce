/** What the password must not be built from, besides the policy's own context words. */
export interface PasswordContext {
  readonly email: string;
  readonly displayName: string;
  /** More words to refuse, e.g. the organisation's name in a deployment. */
  readonly extraWords?: readonly string[];
}

/** Always refused: a password built from the service's own name is the first thing guessed. */
export const SERVICE_WORDS: readonly string[] = ['mailgate'];

/**
 * Shorter pieces ("ann", "de") would refuse far too many good passwords by accident; zxcvbn still
 * sees them as user inputs and lowers the score of a password that leans on them.
 */
const MIN_CONTAINED_LENGTH = 4;
/** Where names and e-mail local parts break into words. */
const SPLIT = /[\s._+\-@,;:'"()/\\]+/u;

function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** Every word zxcvbn should treat as known to an attacker (also the short ones). */
export function contextTokens(context: PasswordContext, policyWords: readonly string[]): string[] {
  const email = normalise(context.email);
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : email;
  const domainLabels = at >= 0 ? email.slice(at + 1).split('.') : [];
  const tokens = new Set<string>();
  const add = (value: string): void => {
    const word = normalise(value).trim();
    if (word.length > 0) tokens.add(word);
  };
  add(local);
  local.split(SPLIT).forEach(add);
  // The domain without its top-level label ("example" of example.org): the provider's name.
  domainLabels.slice(0, -1).forEach(add);
  add(context.displayName);
  normalise(context.displayName).split(SPLIT).forEach(add);
  [...SERVICE_WORDS, ...policyWords, ...(context.extraWords ?? [])].forEach(add);
  return [...tokens];
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

/** The password read without common look-alike substitutions ("m4ilg4te" → "mailgate"). */
function unLeet(password: string, one: 'i' | 'l'): string {
  return [...password].map((char) => (char === '1' ? one : (LEET[char] ?? char))).join('');
}

/** True when the password contains one of the context words (ignoring case and look-alikes). */
export function containsContextWord(password: string, tokens: readonly string[]): boolean {
  const plain = normalise(password);
  const variants = [plain, unLeet(plain, 'l'), unLeet(plain, 'i')];
  const reversed = variants.map((variant) => [...variant].reverse().join(''));
  const candidates = [...variants, ...reversed];
  return tokens.some(
    (token) => token.length >= MIN_CONTAINED_LENGTH && candidates.some((candidate) => candidate.includes(token)),
  );
}
