/**
 * What a prompt (instruction text) says, read as words: is it generic, does it ask for visual formatting, does it
 * say when to transfer. Language-level: no LiveKit knowledge, no AST. Every check is a linear scan over
 * the words of the text; phrases are matched word by word, so "as a" never matches inside "has a".
 */
import { rememberByName } from './words.js';

/** Lower-case words of a text. Apostrophes inside a word are kept and normalised (`You’re` → `you're`). */
export function textWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return text.includes('’') ? words.map((word) => word.replaceAll('’', "'")) : words;
}

/**
 * `textWords`, remembered: several rules read the same prompt, and phrase lists are read on every call. The result
 * is shared, so callers here never change it. Bounded, so a long lint run does not keep every text.
 */
const wordsOf = rememberByName((text): readonly string[] => textWords(text), 2000);
/** The last text asked for: checks of one prompt come one after the other, and this spares hashing it again. */
let lastText: string | null = null;
let lastWords: readonly string[] = [];
function cachedWords(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  const words = wordsOf(text);
  lastText = text;
  lastWords = words;
  return words;
}

/** True when `phrase` (a list of words) occurs, word for word, in `words`. */
export function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    let index = 0;
    while (index < phrase.length && words[start + index] === phrase[index]) index++;
    if (index === phrase.length) return true;
  }
  return false;
}

function containsAnyPhrase(words: readonly string[], phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (containsPhrase(words, cachedWords(phrase))) return true;
  return false;
}

/** Breaks between sentences (and list items, lines). */
const SENTENCE_BREAK = /[.!?;\n\r]+/u;

export type FormattingTerm = 'markdown' | 'bullet points' | 'tables' | 'emoji' | 'code blocks';

export const FORMATTING_TERMS: readonly FormattingTerm[] = [
  'markdown',
  'bullet points',
  'tables',
  'emoji',
  'code blocks',
];

/** Words that turn a sentence about formatting into a prohibition ("never use markdown", "no emoji"). */
const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'avoid',
  'avoids',
  'avoiding',
  'without',
  'nor',
  'instead',
  'rather',
  'refrain',
  'neither',
  'none',
  'unable',
  'skip',
  'omit',
  'free',
  'plain',
  "don't",
  'dont',
  "doesn't",
  "can't",
  'cannot',
  "won't",
  "shouldn't",
  "mustn't",
  "isn't",
  "aren't",
  'forbidden',
  'prohibited',
]);

/**
 * Words that put the formatting somewhere else than in the spoken answer: a screen, a tool's arguments, a message
 * ("pass the items to show_menu as a markdown list", "the screen shows a table").
 */
const ELSEWHERE = new Set([
  'screen',
  'screens',
  'ui',
  'frontend',
  'payload',
  'payloads',
  'tool',
  'tools',
  'function',
  'functions',
  'parameter',
  'parameters',
  'argument',
  'arguments',
  'field',
  'fields',
  'json',
  'sms',
  'email',
  'emails',
  'document',
  'documents',
]);

/** Words that make "table" mean a layout, not a restaurant table. */
const LAYOUT_WORDS = new Set([
  'format',
  'formatted',
  'formatting',
  'display',
  'displayed',
  'render',
  'rendered',
  'column',
  'columns',
  'rows',
  'markdown',
  'layout',
  'tabular',
]);

function termsIn(words: readonly string[]): FormattingTerm[] {
  const found: FormattingTerm[] = [];
  const add = (term: FormattingTerm): void => {
    if (!found.includes(term)) found.push(term);
  };
  words.forEach((word, index) => {
    const next = words[index + 1];
    if (word === 'markdown') add('markdown');
    else if (word.startsWith('bullet')) add('bullet points');
    else if (word.startsWith('emoji') || word.startsWith('emoticon')) add('emoji');
    else if (
      word === 'codeblock' ||
      word === 'codeblocks' ||
      (word === 'code' && (next?.startsWith('block') || next?.startsWith('fence')))
    ) {
      add('code blocks');
    } else if ((word === 'table' || word === 'tables') && words.some((other) => LAYOUT_WORDS.has(other))) add('tables');
  });
  return found;
}

/** True when `termsIn` could find a term at this word (a sentence without such a word names none). */
function mayNameTerm(word: string): boolean {
  // By first letter: most words start with none of these.
  switch (word.charCodeAt(0)) {
    case 98: // b
      return word.startsWith('bullet');
    case 99: // c
      return word === 'code' || word === 'codeblock' || word === 'codeblocks';
    case 101: // e
      return word.startsWith('emoji') || word.startsWith('emoticon');
    case 109: // m
      return word === 'markdown';
    case 116: // t
      return word === 'table' || word === 'tables';
    default:
      return false;
  }
}

/** What `termsIn` looks for: 'markdown', 'bullet…', 'emoji…' / 'emoticon…', 'code…', 'table(s)'. */
const FORMATTING_STEMS = ['markdown', 'bullet', 'emoji', 'emoticon', 'code', 'table'];

/**
 * The visual formats a text asks for: a sentence that names markdown, bullet points, emoji, code blocks or a table
 * layout and contains no negation ("Use bullet points" is a request; "Never use bullet points" is not), and that
 * does not put it on a screen or in a tool's arguments (the caller hears none of it).
 */
export function requestedFormatting(text: string, allowed: readonly string[] = []): FormattingTerm[] {
  const result: FormattingTerm[] = [];
  // Most prompts name no format at all: one look at the text's words spares the split into sentences.
  if (!cachedWords(text).some(mayNameTerm)) return result;
  for (const sentence of text.split(SENTENCE_BREAK)) {
    // Cheap first: a sentence without one of the stems names no term (`textWords` lower-cases the same way).
    const lower = sentence.toLowerCase();
    if (!FORMATTING_STEMS.some((stem) => lower.includes(stem))) continue;
    const words = textWords(sentence);
    if (words.some((word) => NEGATIONS.has(word) || ELSEWHERE.has(word))) continue;
    for (const term of termsIn(words)) if (!allowed.includes(term) && !result.includes(term)) result.push(term);
  }
  return result;
}

/** Whom a transfer moves: "connect you", "connect the caller". */
const PEOPLE = new Set([
  'you',
  'them',
  'him',
  'her',
  'caller',
  'callers',
  'customer',
  'customers',
  'user',
  'users',
  'client',
  'clients',
]);
const HAND = new Set(['hand', 'hands', 'handing', 'handed']);
const SWITCH = new Set(['switch', 'switches', 'switching']);
const ROUTE = new Set(['route', 'routes', 'routed', 'routing', 'reroute']);

function isTransferAt(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  const next = words[index + 1];
  const afterArticle = next === 'the' ? words[index + 2] : next;
  return (
    word.startsWith('transfer') ||
    word.startsWith('handoff') ||
    word.startsWith('handover') ||
    word.startsWith('escalat') ||
    word.startsWith('redirect') ||
    word.startsWith('delegat') ||
    ROUTE.has(word) ||
    // hand off / over / back, also around a short object: "hand the caller over", "hand back when done"
    (HAND.has(word) &&
      words.slice(index + 1, index + 4).some((later) => later === 'off' || later === 'over' || later === 'back')) ||
    (word.startsWith('connect') && afterArticle !== undefined && PEOPLE.has(afterArticle)) ||
    (SWITCH.has(word) && next === 'to')
  );
}

/**
 * True when the text talks about transferring: transfer, hand off/over/back, handoff, escalate, route, redirect,
 * delegate, connect you / the caller, switch to; or one of the extra phrases.
 */
export function mentionsTransfer(text: string, extraPhrases: readonly string[] = []): boolean {
  const words = cachedWords(text);
  for (let index = 0; index < words.length; index++) if (isTransferAt(words, index)) return true;
  return containsAnyPhrase(words, extraPhrases);
}

/** True when one of `names` (single lower-case words) occurs in the text as a word, singular or plural. */
export function mentionsAnyWord(text: string, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const words = new Set(cachedWords(text));
  return names.some(
    (name) => words.has(name) || words.has(`${name}s`) || (name.endsWith('s') && words.has(name.slice(0, -1))),
  );
}

/**
 * Words that say nothing about what an agent is for: function words, the medium (voice, AI, assistant, system), a
 * manner any agent has (helpful, friendly, concise) and open-ended help (answer questions, help users with their
 * problems). A prompt made only of these names no task, domain or procedure.
 */
const GENERIC_WORDS = new Set([
  // function words
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'to',
  'of',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'from',
  'as',
  'about',
  'into',
  'via',
  'through',
  'so',
  'that',
  'this',
  'these',
  'those',
  'it',
  "it's",
  'its',
  'is',
  'are',
  'am',
  'be',
  'being',
  'been',
  'was',
  'were',
  'will',
  'would',
  'should',
  'must',
  'can',
  'could',
  'may',
  'might',
  'do',
  'does',
  'you',
  "you're",
  'youre',
  'your',
  'yours',
  'yourself',
  'i',
  "i'm",
  'me',
  'my',
  'we',
  'us',
  'our',
  'they',
  'them',
  'their',
  'he',
  'she',
  'his',
  'her',
  'who',
  'what',
  'how',
  'when',
  'where',
  'which',
  'any',
  'all',
  'every',
  'anything',
  'everything',
  'something',
  'some',
  'other',
  'others',
  'even',
  'if',
  'just',
  'very',
  'always',
  'please',
  'also',
  'too',
  'more',
  'most',
  'much',
  'many',
  'have',
  'has',
  'here',
  'there',
  'then',
  'like',
  'while',
  'own',
  // the medium and the persona every agent has
  'helpful',
  'friendly',
  'kind',
  'nice',
  'polite',
  'warm',
  'professional',
  'courteous',
  'useful',
  'smart',
  'intelligent',
  'knowledgeable',
  'cheerful',
  'upbeat',
  'positive',
  'happy',
  'great',
  'good',
  'best',
  'honest',
  'patient',
  'respectful',
  'empathetic',
  'caring',
  'engaging',
  'enthusiastic',
  'eager',
  'eagerly',
  'assistant',
  'assistants',
  'agent',
  'agents',
  'bot',
  'chatbot',
  'ai',
  'voice',
  'vocal',
  'speech',
  'spoken',
  'audio',
  'conversational',
  'conversation',
  'conversations',
  'chat',
  'interactive',
  'response',
  'responses',
  'system',
  'model',
  'llm',
  'virtual',
  'digital',
  'personal',
  'general',
  'purpose',
  'human',
  'humans',
  'person',
  'people',
  'user',
  'users',
  'customer',
  'customers',
  'caller',
  'callers',
  'client',
  'clients',
  'someone',
  'everyone',
  'anyone',
  'role',
  'job',
  // open-ended help
  'help',
  'helps',
  'helping',
  'assist',
  'assists',
  'assisting',
  'assistance',
  'support',
  'supporting',
  'serve',
  'answer',
  'answers',
  'answering',
  'respond',
  'responding',
  'reply',
  'replies',
  'question',
  'questions',
  'problem',
  'problems',
  'issue',
  'issues',
  'need',
  'needs',
  'request',
  'requests',
  'query',
  'queries',
  'information',
  'info',
  'talk',
  'talking',
  'speak',
  'speaking',
  'interact',
  'interacting',
  'interaction',
  'communicate',
  'provide',
  'providing',
  'give',
  'offer',
  'make',
  'sure',
  'keep',
  'stay',
  'try',
  'possible',
  'able',
  'way',
  'ways',
  'concise',
  'brief',
  'short',
  'clear',
  'clearly',
  'simple',
  'simply',
  'natural',
  'naturally',
  'helpfully',
  'politely',
  'sentence',
  'sentences',
  'word',
  'words',
  'thing',
  'things',
  'stuff',
  'task',
  'tasks',
  'whatever',
  'nicely',
  'kindly',
]);

/**
 * True when a prompt is generic: it names no task, domain or procedure (`You are a helpful voice assistant.`,
 * `Help users with their problems.`, `Be helpful and nice.`). Length is not the test: "Collect the caller's email
 * address" is short and specific.
 */
export function isGenericPrompt(text: string): boolean {
  const words = cachedWords(text);
  if (words.length === 0) return false;
  for (const word of words) if (!GENERIC_WORDS.has(word)) return false;
  return true;
}

/** Words that open a condition: "Call this when ...", "Use after the caller ...", "If the caller asks ...". */
const CONDITION_WORDS = new Set(['when', 'whenever', 'if', 'once', 'after', 'unless']);

/**
 * True when the text states a condition ("Called when the user wants to finish", "Call this immediately after the
 * caller asks"), not only an action ("Transfer the call to Alloy."). For tool descriptions: the LLM reads them when
 * it picks a tool.
 */
export function statesCondition(text: string): boolean {
  const words = cachedWords(text);
  if (words.some((word) => CONDITION_WORDS.has(word))) return true;
  return containsPhrase(words, ['as', 'soon', 'as']) || containsPhrase(words, ['in', 'case']);
}
