/**
 * What the words of a tool (or function) name say: a leading verb, its object, and whether the name is too vague for
 * a model to choose it from a list. Built on `splitWords`; no LiveKit knowledge lives here.
 *
 * The word lists were chosen from the tool names of public agent code (LiveKit's JS and Python examples, and agent
 * frameworks' tool catalogues): a word is "generic" only when it names no action or thing a caller could ask for.
 * Words that are specific in a voice agent (`call`, `status`, `order`, `transfer`, `cancel`) are deliberately absent.
 */
import { rememberByName, splitWords } from './words.js';

/**
 * Verbs that tool names start with. Not exhaustive: a name whose first word is missing here is simply not split into
 * verb and object. Phrasal verbs are joined (`look_up` → `lookup`, `hang_up` → `hangup`).
 */
export const TOOL_VERBS: ReadonlySet<string> = new Set([
  'accept',
  'access',
  'activate',
  'add',
  'adjust',
  'apply',
  'approve',
  'archive',
  'ask',
  'assign',
  'attach',
  'authenticate',
  'authorize',
  'authorise',
  'block',
  'book',
  'browse',
  'calculate',
  'call',
  'cancel',
  'capture',
  'change',
  'charge',
  'check',
  'checkin',
  'checkout',
  'choose',
  'claim',
  'clear',
  'close',
  'collect',
  'compare',
  'complete',
  'compute',
  'confirm',
  'connect',
  'convert',
  'copy',
  'count',
  'create',
  'deactivate',
  'decline',
  'delete',
  'deliver',
  'deny',
  'deposit',
  'describe',
  'detect',
  'dial',
  'disable',
  'disconnect',
  'dispatch',
  'do',
  'download',
  'downgrade',
  'edit',
  'email',
  'enable',
  'end',
  'enroll',
  'escalate',
  'estimate',
  'execute',
  'exchange',
  'explain',
  'export',
  'extend',
  'fetch',
  'file',
  'fill',
  'filter',
  'find',
  'finish',
  'flag',
  'follow',
  'followup',
  'forward',
  'generate',
  'get',
  'give',
  'grab',
  'greet',
  'handle',
  'hangup',
  'hold',
  'identify',
  'import',
  'invoke',
  'issue',
  'join',
  'leave',
  'link',
  'list',
  'load',
  'lock',
  'log',
  'login',
  'logout',
  'lookup',
  'make',
  'manage',
  'mark',
  'merge',
  'modify',
  'move',
  'mute',
  'notify',
  'obtain',
  'open',
  'order',
  'pause',
  'pay',
  'perform',
  'pickup',
  'place',
  'play',
  'post',
  'process',
  'provide',
  'pull',
  'push',
  'put',
  'query',
  'read',
  'record',
  'redeem',
  'refund',
  'register',
  'reject',
  'remind',
  'remove',
  'renew',
  'rename',
  'reopen',
  'replace',
  'report',
  'request',
  'reschedule',
  'reserve',
  'reset',
  'resolve',
  'restart',
  'resume',
  'retrieve',
  'return',
  'revoke',
  'route',
  'run',
  'save',
  'schedule',
  'score',
  'search',
  'see',
  'select',
  'send',
  'set',
  'setup',
  'share',
  'ship',
  'show',
  'signin',
  'signup',
  'skip',
  'sort',
  'start',
  'stop',
  'store',
  'submit',
  'subscribe',
  'suggest',
  'summarize',
  'summarise',
  'suspend',
  'switch',
  'sync',
  'take',
  'text',
  'toggle',
  'track',
  'transfer',
  'translate',
  'trigger',
  'unblock',
  'unlock',
  'unmute',
  'unsubscribe',
  'update',
  'upgrade',
  'upload',
  'use',
  'validate',
  'verify',
  'view',
  'void',
  'withdraw',
  'write',
]);

/** Verbs that say how something is dealt with, not what happens: `handle_order`, `process_request`, `manage_x`. */
export const VAGUE_VERBS: ReadonlySet<string> = new Set([
  'handle',
  'process',
  'manage',
  'do',
  'perform',
  'deal',
  'invoke',
]);

/**
 * Verbs that need a specific object: alone (`search`, `get`, `update`) or followed only by generic nouns
 * (`get_data`, `fetchDetails`) they do not say what is looked up or changed.
 */
export const GENERIC_VERBS: ReadonlySet<string> = new Set([
  'access',
  'add',
  'change',
  'check',
  'create',
  'delete',
  'edit',
  'fetch',
  'find',
  'get',
  'give',
  'grab',
  'list',
  'load',
  'lookup',
  'make',
  'modify',
  'obtain',
  'post',
  'provide',
  'pull',
  'push',
  'put',
  'query',
  'read',
  'remove',
  'retrieve',
  'save',
  'search',
  'see',
  'send',
  'set',
  'show',
  'submit',
  'take',
  'update',
  'use',
  'view',
  'write',
]);

/** Nouns that name no particular thing: the object of `get_data`, `getInfo`, `fetch_details`. */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set([
  'content',
  'contents',
  'data',
  'detail',
  'details',
  'entity',
  'entities',
  'info',
  'information',
  'input',
  'metadata',
  'object',
  'objects',
  'output',
  'params',
  'parameters',
  'payload',
  'record',
  'records',
  'request',
  'resource',
  'resources',
  'response',
  'result',
  'results',
  'stuff',
  'thing',
  'things',
  'value',
  'values',
]);

/** Catch-all objects that make any name vague: `get_account_everything`. */
export const CATCH_ALL_WORDS: ReadonlySet<string> = new Set([
  'everything',
  'anything',
  'something',
  'whatever',
  'stuff',
  'misc',
  'miscellaneous',
]);

/**
 * Words that say nothing about what a tool does: a name made only of these (with generic nouns and vague verbs), or of
 * these and a number, is generic: `tool`, `run`, `helper`, `do_action`, `myFunction`, `tool1`.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'action',
  'actions',
  'api',
  'cmd',
  'command',
  'custom',
  'default',
  'dummy',
  'example',
  'exec',
  'execute',
  'fn',
  'foo',
  'bar',
  'baz',
  'func',
  'function',
  'generic',
  'handler',
  'helper',
  'helpers',
  'main',
  'method',
  'misc',
  'my',
  'op',
  'operation',
  'placeholder',
  'run',
  'sample',
  'task',
  'temp',
  'test',
  'tmp',
  'tool',
  'tools',
  'util',
  'utility',
  'utils',
]);

/** Names of a tool that deliberately does nothing, as words: the LLM calls it to decline to act. */
const NO_OPS: ReadonlySet<string> = new Set(['do nothing', 'nothing', 'noop', 'no op']);

/** Words that carry no meaning of their own inside a name. */
const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'and',
  'or',
  'by',
  'from',
  'with',
]);

/** Two-word phrasal verbs that read as one verb. */
const PHRASAL: Readonly<Record<string, string>> = {
  'look up': 'lookup',
  'hang up': 'hangup',
  'check out': 'checkout',
  'check in': 'checkin',
  'log in': 'login',
  'log out': 'logout',
  'sign in': 'signin',
  'sign up': 'signup',
  'set up': 'setup',
  'pick up': 'pickup',
  'follow up': 'followup',
};

/** The second words of PHRASAL. */
const PARTICLES: ReadonlySet<string> = new Set(
  Object.keys(PHRASAL).map((phrase) => phrase.slice(phrase.indexOf(' ') + 1)),
);

const MAX_PORTABLE_LENGTH = 64;

export interface ToolNameWords {
  /** Lower-case words, phrasal verbs joined (`lookUpOrder` → lookup, order). */
  words: string[];
  /** The first word when it is a known verb. */
  verb: string | null;
  /** The words after the verb (or every word when there is no verb), filler words removed. */
  object: string[];
}

function isNumber(word: string): boolean {
  if (word.length === 0) return false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Splits a name into words and, when it starts with a known verb, into verb and object. */
export function toolNameWords(name: string): ToolNameWords {
  const raw = splitWords(name);
  const words: string[] = [];
  for (let index = 0; index < raw.length; index++) {
    // Cheap first: every phrasal verb ends in one of PARTICLES.
    const next = raw[index + 1];
    const pair = next !== undefined && PARTICLES.has(next) ? PHRASAL[`${raw[index]} ${next}`] : undefined;
    if (pair) {
      words.push(pair);
      index++;
    } else {
      words.push(raw[index]!);
    }
  }
  const content = words.filter((word) => !FILLER_WORDS.has(word));
  const first = content[0];
  const verb = first !== undefined && TOOL_VERBS.has(first) ? first : null;
  return { words, verb, object: verb === null ? content : content.slice(1) };
}

/**
 * True when providers accept the name as a function name: a letter first, then letters, digits, `_` or `-`,
 * at most 64 characters (the intersection of OpenAI's, Anthropic's and Google's rules).
 */
export function isPortableToolName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_PORTABLE_LENGTH) return false;
  // By UTF-16 unit: any unit outside ASCII fails, as the code point it belongs to would.
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    if (index === 0 ? !letter : !(letter || (code >= 48 && code <= 57) || code === 95 || code === 45)) return false;
  }
  return true;
}

export type VagueNameKind = 'notPortable' | 'generic' | 'numbered' | 'bareVerb' | 'vagueVerb' | 'genericObject';

export interface VagueNameFinding {
  kind: VagueNameKind;
  /** The word that makes the name vague (the verb, or the generic word), when there is one. */
  word: string | null;
}

export interface VagueNameOptions {
  /** Extra words treated as vague: a name made only of them, or led by one of them, is vague. */
  vagueWords?: readonly string[];
}

/**
 * Why a tool name is too vague for a model to choose it, or null when it is fine. One finding per name, the most
 * specific first: not portable, generic, numbered, a generic verb alone, a vague verb first, a generic object.
 */
export function findVagueToolName(name: string, options: VagueNameOptions = {}): VagueNameFinding | null {
  return findingsFor(options.vagueWords ?? NO_WORDS)(name);
}

const NO_WORDS: readonly string[] = [];
/** Findings by name, per list of extra vague words (a rule's options: the same array for every file). */
const findingsByVagueWords = new WeakMap<readonly string[], (name: string) => VagueNameFinding | null>();

function findingsFor(vagueWords: readonly string[]): (name: string) => VagueNameFinding | null {
  let findings = findingsByVagueWords.get(vagueWords);
  if (!findings) {
    const extra: ReadonlySet<string> = new Set(vagueWords.map((word) => word.toLowerCase()));
    findings = rememberByName((name) => computeVagueToolName(name, extra));
    findingsByVagueWords.set(vagueWords, findings);
  }
  return findings;
}

function computeVagueToolName(name: string, extra: ReadonlySet<string>): VagueNameFinding | null {
  if (!isPortableToolName(name)) return { kind: 'notPortable', word: null };
  const { words } = toolNameWords(name);
  const content = words.filter((word) => !FILLER_WORDS.has(word));
  const isGeneric = (word: string): boolean =>
    GENERIC_WORDS.has(word) ||
    GENERIC_NOUNS.has(word) ||
    VAGUE_VERBS.has(word) ||
    CATCH_ALL_WORDS.has(word) ||
    extra.has(word);

  let end = content.length;
  while (end > 0 && isNumber(content[end - 1]!)) end--;
  const stem = content.slice(0, end);
  if (stem.length === 0) return { kind: 'generic', word: null };
  // An explicit no-op (`do_nothing`, `noop`) says exactly what it does.
  if (end === content.length && NO_OPS.has(stem.join(' '))) return null;
  const first = stem[0]!;
  if (end < content.length && stem.every((word) => isGeneric(word) || GENERIC_VERBS.has(word))) {
    return { kind: 'numbered', word: first };
  }
  if (end === content.length && stem.every(isGeneric)) return { kind: 'generic', word: first };
  if (stem.length === 1 && GENERIC_VERBS.has(first)) return { kind: 'bareVerb', word: first };
  if (VAGUE_VERBS.has(first) || extra.has(first)) return { kind: 'vagueVerb', word: first };
  const rest = stem.slice(1);
  if (
    GENERIC_VERBS.has(first) &&
    rest.length > 0 &&
    (rest.every((word) => isGeneric(word) || isNumber(word)) || rest.some((word) => CATCH_ALL_WORDS.has(word)))
  ) {
    return { kind: 'genericObject', word: first };
  }
  // `data_lookup`, `info_get`: only generic words and generic verbs, in any order.
  if (
    stem.some((word) => GENERIC_VERBS.has(word)) &&
    stem.every((word) => isGeneric(word) || GENERIC_VERBS.has(word))
  ) {
    return { kind: 'genericObject', word: stem.find((word) => GENERIC_VERBS.has(word)) ?? null };
  }
  return null;
}
