/**
 * What a parameter's name says about the value the LLM must pass: whether the name alone tells what it is and in
 * what form, and whether a text (the tool's description) already explains it. No LiveKit knowledge lives here.
 */
import { textWords } from './instructions.js';
import { rememberByName, splitWords } from './words.js';

/**
 * Last words of names whose value needs no explanation: a person's or a company's name, a phone number or an email
 * address as the caller says it, free text (a note, a message, a reason), a place, or a count of people or nights.
 * The form of each is common knowledge; nothing about units, formats or codes is left to guess.
 */
const SELF_EXPLAINING_HEADS = new Set([
  'name',
  'names',
  'surname',
  'company',
  'airline',
  'recipient',
  'phone',
  'email',
  'note',
  'notes',
  'message',
  'summary',
  'reason',
  'situation',
  'comment',
  'comments',
  'feedback',
  'question',
  'topic',
  'location',
  'city',
  'country',
  'address',
  'room',
  'guests',
  'passengers',
  'nights',
  'people',
  'adults',
  'children',
  'size',
  'count',
  'quantity',
  'seats',
  'tickets',
]);

/**
 * Two-word names whose value has a form everyone knows, although their last word alone (`number`, `reference`) does
 * not: a phone or room number, and the travel identifiers a caller reads off a ticket (a flight number like `BA 117`,
 * a booking reference). An order or account number stays reported: its form is the business's own.
 */
const SELF_EXPLAINING_PAIRS = new Set(['phone number', 'room number', 'flight number', 'booking reference']);

/** Stems that make the form a guess (`date`, `pickupTime`, `checkIn`, `durationMinutes`): never self-explaining. */
const FORM_STEMS = [
  'date',
  'time',
  'day',
  'checkin',
  'checkout',
  'when',
  'dob',
  'birth',
  'duration',
  'deadline',
  'expir',
  'amount',
  'price',
];

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** True when the value's form is open to guess (a date, a time, a duration, an amount). */
export const needsFormat = rememberByName((name: string): boolean => {
  const joined = splitWords(name).join('');
  return FORM_STEMS.some((stem) => joined.includes(stem));
}, 2000);

/**
 * True when the name alone says what the value is and in what form (`firstName`, `callerPhone`, `partySize`,
 * `flightNumber`).
 */
export const isSelfExplainingName = rememberByName((name: string): boolean => {
  const words = splitWords(name);
  const head = words[words.length - 1];
  if (head === undefined || needsFormat(name)) return false;
  return SELF_EXPLAINING_HEADS.has(head) || (words.length >= 2 && SELF_EXPLAINING_PAIRS.has(`${words.at(-2)} ${head}`));
}, 2000);

/**
 * True when `text` names the parameter: every word of the name occurs in it (`cardLast4` in "the last four digits of
 * the card", `securityCode` in "the 3 or 4 digit security code"), plural or singular.
 */
export function textExplainsName(text: string, name: string): boolean {
  const words = splitWords(name);
  if (words.length === 0) return false;
  const textSet = new Set(textWords(text));
  return words.every((word) => {
    if (textSet.has(word) || textSet.has(`${word}s`) || (word.endsWith('s') && textSet.has(word.slice(0, -1))))
      return true;
    const number = Number(word);
    return Number.isInteger(number) && number >= 0 && number <= 10 && textSet.has(NUMBER_WORDS[number]!);
  });
}
