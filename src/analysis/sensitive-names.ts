/**
 * The sensitive-name classifier: does an identifier, property or destructured name denote a secret or
 * payment/identity data (a card number, a CVV, a password, an API key, ...)?
 *
 * A name is split into words (`splitWords`: camelCase, `_`, `-`, digits) and matched against word sequences
 * (`card number`, `api key`, `access token`, `cvv`, ...). Three verdicts:
 *   - 'sensitive': the name denotes the secret itself (`cardNumber`, `user_password`, `OPENAI_API_KEY`);
 *   - 'safe': the name mentions a secret but says the value is not it: a safe word anywhere (`maskedPan`,
 *     `cardLast4`, `passwordHash`), a word after the secret that makes the name *about* it (`passwordResetUrl`,
 *     `apiKeyEnv`, `cardNumberLength`), a boolean prefix (`hasPassword`, `isPinSet`), or an allowed name;
 *   - 'neutral': nothing secret in it (`orderId`, `tokenCount`: a bare `token` is an LLM token, not a credential).
 * No LiveKit knowledge lives here.
 */
import { splitWords } from './words.js';

export type SensitiveKind =
  | 'card-number'
  | 'card-security-code'
  | 'ssn'
  | 'password'
  | 'secret'
  | 'api-key'
  | 'access-token'
  | 'private-key'
  | 'bank-account'
  | 'iban'
  | 'routing-number'
  | 'pin'
  | 'custom';

/** How each kind reads in a message: "'cvv' looks like a card security code". */
export const SENSITIVE_KIND_LABELS: Readonly<Record<SensitiveKind, string>> = {
  'card-number': 'a card number',
  'card-security-code': 'a card security code',
  ssn: 'a social security number',
  password: 'a password',
  secret: 'a secret',
  'api-key': 'an API key',
  'access-token': 'an access token',
  'private-key': 'a private key',
  'bank-account': 'a bank account number',
  iban: 'an IBAN',
  'routing-number': 'a routing number',
  pin: 'a PIN',
  custom: 'sensitive data',
};

/** Kinds for which logging the last four characters is an accepted way to refer to the value. */
export const MASKABLE_KINDS: ReadonlySet<SensitiveKind> = new Set<SensitiveKind>([
  'card-number',
  'ssn',
  'bank-account',
  'iban',
  'routing-number',
]);

export type NameVerdict =
  | { verdict: 'sensitive'; kind: SensitiveKind }
  | { verdict: 'safe'; reason: 'safe-word' | 'about' | 'boolean' | 'allowed' }
  | { verdict: 'neutral' };

interface Pattern {
  words: readonly string[];
  kind: SensitiveKind;
  /**
   * 'end': only when the sequence ends the name (`userPin`, but not `pinMessage`);
   * 'whole': only when it is the whole name (`pan`, but not `panLevel` or `stereoPan`).
   */
  position: 'any' | 'end' | 'whole';
}

/** Word sequences that denote a secret. A one-word spelling is listed too (`apikey`, `cardnumber`). */
const PATTERN_SPEC: readonly [SensitiveKind, string, Pattern['position']?][] = [
  ['card-number', 'card number'],
  ['card-number', 'card num'],
  ['card-number', 'card no'],
  ['card-number', 'card nr'],
  ['card-number', 'cardnumber'],
  ['card-number', 'cc number'],
  ['card-number', 'cc num'],
  ['card-number', 'cc no'],
  ['card-number', 'ccn'],
  ['card-number', 'credit card'],
  ['card-number', 'creditcard'],
  ['card-number', 'debit card'],
  ['card-number', 'pan', 'whole'],
  ['card-number', 'card pan'],
  ['card-security-code', 'cvv'],
  ['card-security-code', 'cvc'],
  ['card-security-code', 'csc'],
  ['card-security-code', 'cvn'],
  ['card-security-code', 'security code'],
  ['card-security-code', 'securitycode'],
  ['ssn', 'ssn'],
  ['ssn', 'social security'],
  ['ssn', 'socialsecurity'],
  ['password', 'password'],
  ['password', 'passwd'],
  ['password', 'pass word'],
  ['password', 'passcode'],
  ['password', 'pass code'],
  ['password', 'passphrase'],
  ['password', 'pass phrase'],
  ['password', 'otp'],
  ['secret', 'secret'],
  ['api-key', 'api key'],
  ['api-key', 'apikey'],
  ['api-key', 'access key'],
  ['access-token', 'access token'],
  ['access-token', 'accesstoken'],
  ['access-token', 'refresh token'],
  ['access-token', 'refreshtoken'],
  ['access-token', 'auth token'],
  ['access-token', 'authtoken'],
  ['access-token', 'bearer token'],
  ['access-token', 'id token'],
  ['access-token', 'session token'],
  ['access-token', 'api token'],
  ['access-token', 'oauth token'],
  ['access-token', 'reset token'],
  ['access-token', 'jwt'],
  ['access-token', 'authorization', 'end'],
  ['private-key', 'private key'],
  ['private-key', 'privatekey'],
  ['private-key', 'privkey'],
  ['private-key', 'signing key'],
  ['private-key', 'encryption key'],
  ['bank-account', 'account number'],
  ['bank-account', 'account num'],
  ['bank-account', 'account no'],
  ['bank-account', 'accountnumber'],
  ['bank-account', 'acct number'],
  ['bank-account', 'acct num'],
  ['bank-account', 'acct no'],
  ['iban', 'iban'],
  ['routing-number', 'routing number'],
  ['routing-number', 'routing num'],
  ['routing-number', 'routing no'],
  ['routing-number', 'routingnumber'],
  ['pin', 'pin', 'end'],
  ['pin', 'pin code'],
  ['pin', 'pincode'],
  ['pin', 'pin number'],
];

/** Words that say the value is a safe form of the secret, wherever they stand (`maskedPan`, `passwordHash`). */
const SAFE_WORDS = new Set([
  'masked',
  'mask',
  'redacted',
  'redact',
  'hashed',
  'hash',
  'hmac',
  'digest',
  'encrypted',
  'encrypt',
  'obfuscated',
  'obfuscate',
  'censored',
  'sanitized',
  'sanitised',
  'truncated',
  'tokenized',
  'tokenised',
  'fingerprint',
  'lastfour',
  'last4',
  'fake',
  'dummy',
  'mock',
  'example',
  'sample',
  'placeholder',
  'safe',
]);

/** `last 4`, `last four`, `first 6`: the parts of a card number that may be shown. */
const SAFE_PAIRS: readonly [string, ReadonlySet<string>][] = [
  ['last', new Set(['4', 'four', '2', 'two', '3', 'three'])],
  ['first', new Set(['6', 'six'])],
];

/** Words that, after the secret, make the name about it rather than the secret (`tokenExpiresAt`, `apiKeyEnv`). */
const ABOUT_WORDS = new Set([
  'length',
  'len',
  'count',
  'counts',
  'size',
  'min',
  'max',
  'id',
  'ids',
  'type',
  'types',
  'kind',
  'name',
  'names',
  'env',
  'path',
  'url',
  'urls',
  'uri',
  'link',
  'usage',
  'limit',
  'limits',
  'expires',
  'expiry',
  'expiration',
  'expired',
  'ttl',
  'at',
  'date',
  'time',
  'timestamp',
  'created',
  'updated',
  'issued',
  'field',
  'fields',
  'label',
  'prompt',
  'hint',
  'policy',
  'rule',
  'rules',
  'strength',
  'format',
  'regex',
  'pattern',
  'schema',
  'header',
  'param',
  'status',
  'state',
  'valid',
  'invalid',
  'validation',
  'validator',
  'error',
  'errors',
  'message',
  'required',
  'requirement',
  'requirements',
  'missing',
  'present',
  'provided',
  'set',
  'enabled',
  'exists',
  'verified',
  'match',
  'matches',
  'ok',
  'reset',
  'change',
  'changed',
  'rotation',
  'rotated',
  'manager',
  'store',
  'provider',
  'service',
  'endpoint',
  'file',
  'var',
  'prefix',
  'ref',
  'arn',
  'version',
  'source',
  'brand',
  'network',
  'issuer',
  'bin',
  'attempts',
  'retries',
  'mode',
  'step',
  'flow',
  'page',
  'form',
  'dialog',
  'button',
  'placeholder',
  'location',
  'region',
  'scope',
  'scopes',
  'audience',
  'sent',
  'delivered',
  'requested',
  'used',
  'accepted',
  'rejected',
  'failed',
  'failure',
  'failures',
  'success',
  'succeeded',
  'confirmed',
  'checked',
]);

/** First words that make the name a flag about the secret (`hasPassword`, `isCvvValid`, `requirePin`). */
const BOOLEAN_PREFIXES = new Set([
  'is',
  'has',
  'had',
  'should',
  'can',
  'could',
  'did',
  'does',
  'was',
  'were',
  'will',
  'needs',
  'need',
  'require',
  'requires',
  'must',
  'allow',
  'allows',
  'use',
  'uses',
  'show',
  'hide',
  'no',
  'enable',
  'validate',
  'verify',
  'check',
]);

export interface SensitiveNameOptions {
  /** Extra names or words treated as sensitive (`memberNumber`, `otpCode`): each is split into words. */
  sensitiveNames?: readonly string[];
  /** Names that are never sensitive, compared with the whole identifier or property name. */
  allowNames?: readonly string[];
}

interface Match {
  start: number;
  end: number;
  pattern: Pattern;
}

/** The word-pattern table: patterns by first word, and every word any pattern uses. */
interface PatternTable {
  patterns: Map<string, Pattern[]>;
  vocabulary: Set<string>;
}

function addPattern(
  table: PatternTable,
  words: readonly string[],
  kind: SensitiveKind,
  position: Pattern['position'],
): void {
  const list = table.patterns.get(words[0]!);
  const pattern: Pattern = { words, kind, position };
  if (list) list.push(pattern);
  else table.patterns.set(words[0]!, [pattern]);
  for (const word of words) table.vocabulary.add(word);
}

/** The built-in table, built once and never changed (a classifier with extra names gets its own copy). */
const DEFAULT_TABLE: PatternTable = (() => {
  const table: PatternTable = { patterns: new Map(), vocabulary: new Set() };
  for (const [kind, text, position = 'any'] of PATTERN_SPEC) addPattern(table, text.split(' '), kind, position);
  return table;
})();

const NO_PATTERNS: readonly Pattern[] = [];
const NEUTRAL: NameVerdict = { verdict: 'neutral' };
/** A classifier lives for the whole run (see `sensitiveNameClassifier`): its caches are emptied at this size. */
const MAX_CACHED = 50_000;

export class SensitiveNameClassifier {
  private readonly patterns: ReadonlyMap<string, Pattern[]>;
  private readonly vocabulary: ReadonlySet<string>;
  private readonly allowNames: ReadonlySet<string>;
  /** Verdicts by name, for names read without a qualifier. */
  private readonly cache = new Map<string, NameVerdict>();
  /** Verdicts by qualifier, then name. */
  private readonly qualifiedCache = new Map<string, Map<string, NameVerdict>>();

  constructor(options: SensitiveNameOptions = {}) {
    let table = DEFAULT_TABLE;
    const extra = options.sensitiveNames ?? [];
    if (extra.length > 0) {
      table = { patterns: new Map(), vocabulary: new Set(DEFAULT_TABLE.vocabulary) };
      for (const [word, list] of DEFAULT_TABLE.patterns) table.patterns.set(word, [...list]);
      for (const name of extra) {
        const words = splitWords(name);
        if (words.length > 0) addPattern(table, words, 'custom', 'any');
      }
    }
    this.patterns = table.patterns;
    this.vocabulary = table.vocabulary;
    const allowNames = options.allowNames ?? [];
    this.allowNames = allowNames.length > 0 ? new Set(allowNames) : EMPTY_SET;
  }

  /**
   * The verdict for a name. `qualifier` is the object a property is read from (`card` in `card.number`): its
   * words can complete a match (`card` + `number`), but a match must reach into the name itself, so
   * `creditCard.zip` is not sensitive while `card.number` is.
   */
  classify(name: string, qualifier?: string | null): NameVerdict {
    let cache = this.cache;
    if (qualifier) {
      const byName = this.qualifiedCache.get(qualifier);
      if (byName) cache = byName;
      else {
        if (this.qualifiedCache.size >= MAX_CACHED) this.qualifiedCache.clear();
        this.qualifiedCache.set(qualifier, (cache = new Map()));
      }
    }
    let verdict = cache.get(name);
    if (!verdict) {
      verdict = this.compute(name, qualifier || null);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(name, verdict);
    }
    return verdict;
  }

  private compute(name: string, qualifier: string | null): NameVerdict {
    if (this.allowNames.has(name)) return { verdict: 'safe', reason: 'allowed' };
    const nameWords = splitWords(name);
    if (nameWords.length === 0) return NEUTRAL;
    for (let index = 0; index < nameWords.length; index++) nameWords[index] = this.normalize(nameWords[index]!);
    let words = nameWords;
    let nameStart = 0;
    if (qualifier) {
      const qualifierWords = splitWords(qualifier);
      if (qualifierWords.length > 0) {
        for (let index = 0; index < qualifierWords.length; index++)
          qualifierWords[index] = this.normalize(qualifierWords[index]!);
        nameStart = qualifierWords.length;
        words = qualifierWords.concat(nameWords);
      }
    }
    // The match that ends last (the first of those, as they are found left to right), among those reaching the name.
    let last: Match | null = null;
    for (let start = 0; start < words.length; start++) {
      const candidates = this.patterns.get(words[start]!) ?? NO_PATTERNS;
      for (const pattern of candidates) {
        const end = start + pattern.words.length;
        if (end > words.length) continue;
        if (pattern.position !== 'any' && end !== words.length) continue;
        if (pattern.position === 'whole' && start !== nameStart) continue;
        if (end <= nameStart) continue;
        let matched = true;
        for (let offset = 1; offset < pattern.words.length; offset++) {
          if (words[start + offset] !== pattern.words[offset]) {
            matched = false;
            break;
          }
        }
        if (matched && (last === null || end > last.end)) last = { start, end, pattern };
      }
    }
    if (last === null) return NEUTRAL;
    if (hasSafeWord(nameWords)) return { verdict: 'safe', reason: 'safe-word' };
    if (BOOLEAN_PREFIXES.has(nameWords[0]!) && last.start > nameStart) return { verdict: 'safe', reason: 'boolean' };
    for (let index = last.end; index < words.length; index++) {
      if (ABOUT_WORDS.has(words[index]!)) return { verdict: 'safe', reason: 'about' };
    }
    return { verdict: 'sensitive', kind: last.pattern.kind };
  }

  /** `passwords` → `password`, `apiKeys` → `key`: a plural of a known word is read as the word. */
  private normalize(word: string): string {
    if (this.vocabulary.has(word) || !word.endsWith('s')) return word;
    const singular = word.slice(0, -1);
    return this.vocabulary.has(singular) ? singular : word;
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

const DEFAULT_CLASSIFIER = new SensitiveNameClassifier();
/** Classifiers by their names, shared across files so that each name is classified once per run. */
const classifiers = new Map<string, SensitiveNameClassifier>();

/**
 * The classifier for a rule's options on top of the shared settings' `sensitiveNames` (both lists are sensitive
 * names; `allowNames` comes from the rule). Files and rules with the same names share one classifier and its cache.
 */
export function sensitiveNameClassifier(
  settingsNames: readonly string[],
  options: SensitiveNameOptions,
): SensitiveNameClassifier {
  const ruleNames = options.sensitiveNames ?? [];
  const allowNames = options.allowNames ?? [];
  if (settingsNames.length === 0 && ruleNames.length === 0 && allowNames.length === 0) return DEFAULT_CLASSIFIER;
  const sensitiveNames = [...settingsNames, ...ruleNames];
  const key = JSON.stringify([sensitiveNames, allowNames]);
  let classifier = classifiers.get(key);
  if (!classifier) {
    if (classifiers.size >= MAX_CACHED) classifiers.clear();
    classifiers.set(key, (classifier = new SensitiveNameClassifier({ sensitiveNames, allowNames })));
  }
  return classifier;
}

function hasSafeWord(words: readonly string[]): boolean {
  return words.some(
    (word, index) =>
      SAFE_WORDS.has(word) ||
      SAFE_PAIRS.some(([first, seconds]) => word === first && seconds.has(words[index + 1] ?? '')),
  );
}

/** A label for the kind, for messages. */
export function sensitiveKindLabel(kind: SensitiveKind): string {
  return SENSITIVE_KIND_LABELS[kind];
}
