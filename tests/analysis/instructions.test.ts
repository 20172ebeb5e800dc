import { describe, expect, it } from 'vitest';
import {
  containsPhrase,
  isGenericPrompt,
  mentionsAnyWord,
  mentionsTransfer,
  requestedFormatting,
  textWords,
} from '../../src/analysis/instructions.js';

describe('textWords', () => {
  it('lower-cases, keeps apostrophes inside words and normalises curly ones', () => {
    expect(textWords("You’re the FRONT desk, aren't you? 24/7!")).toEqual([
      "you're",
      'the',
      'front',
      'desk',
      "aren't",
      'you',
      '24',
      '7',
    ]);
  });
  it('returns nothing for text without words', () => {
    expect(textWords(' -- ** ')).toEqual([]);
  });
});

describe('containsPhrase', () => {
  it('matches whole words in order', () => {
    expect(containsPhrase(['such', 'as', 'a', 'refund'], ['as', 'a'])).toBe(true);
    expect(containsPhrase(['has', 'a', 'refund'], ['as', 'a'])).toBe(false);
    expect(containsPhrase(['as'], ['as', 'a'])).toBe(false);
    expect(containsPhrase(['a'], [])).toBe(false);
  });
});

describe('isGenericPrompt', () => {
  it.each([
    'You are a helpful assistant.',
    'You are a helpful voice AI assistant for an interactive voice response system.',
    'Help users with their problems.',
    'Be helpful and nice.',
    'Answer questions.',
    "You're a friendly, concise assistant. Keep your responses short and natural.",
  ])('finds %j generic', (text) => {
    expect(isGenericPrompt(text)).toBe(true);
  });

  it.each([
    'Collect the email address.',
    'Book appointments.',
    'You are a coding tutor.',
    'Collect a valid email address; if the caller refuses, call disqualify.',
    'You are the front desk of Bright Dental.',
    '',
  ])('finds %j specific (or empty, which is not a prompt to judge)', (text) => {
    expect(isGenericPrompt(text)).toBe(false);
  });
});

describe('requestedFormatting', () => {
  it('finds requests for visual formatting', () => {
    expect(requestedFormatting('Format answers in markdown. Use bullet points for options.')).toEqual([
      'markdown',
      'bullet points',
    ]);
    expect(requestedFormatting('Add emojis to sound friendly!')).toEqual(['emoji']);
    expect(requestedFormatting('Put examples in code blocks; show a codeblock for each step.')).toEqual([
      'code blocks',
    ]);
    expect(requestedFormatting('Display the prices in a table with two columns.')).toEqual(['tables']);
  });

  it('ignores formatting meant for a screen or a tool, not for the spoken answer', () => {
    expect(requestedFormatting('Pass the order to show_summary as a markdown list in the items field.')).toEqual([]);
    expect(requestedFormatting('The screen shows the menu in a table with columns.')).toEqual([]);
    expect(requestedFormatting('Answer in markdown.')).toEqual(['markdown']);
  });

  it('ignores prohibitions', () => {
    expect(requestedFormatting('Never use markdown, emoji or bullet points.')).toEqual([]);
    expect(requestedFormatting("Don't format anything as a table.")).toEqual([]);
    expect(requestedFormatting('Answer in plain text without markdown.')).toEqual([]);
    expect(requestedFormatting('Avoid emojis; they are read aloud.')).toEqual([]);
  });

  it('judges each sentence on its own', () => {
    expect(requestedFormatting('Never use emoji. Use markdown headings.')).toEqual(['markdown']);
  });

  it('does not take a restaurant table for a layout', () => {
    expect(requestedFormatting('Help callers book a table for four at 8 pm.')).toEqual([]);
  });

  it('leaves out allowed terms', () => {
    expect(requestedFormatting('Format the menu as a table, with emoji.', ['tables'])).toEqual(['emoji']);
  });
});

describe('mentionsTransfer', () => {
  it.each([
    'Transfer the caller to billing when they ask about invoices.',
    'If the caller is angry, escalate to a supervisor.',
    'Hand off to the sales team for new orders.',
    'Hand the caller over to sales when they want to buy.',
    'Provide weather information, then hand back when done.',
    'Hand the caller back to the front desk once the booking is made.',
    'Call the handoff tool once you know the topic.',
    'Route technical questions to support.',
    'Offer to connect you with a specialist.',
    'Switch to the Spanish agent if the caller speaks Spanish.',
    'Redirect refund requests.',
  ])('finds a transfer condition in %j', (text) => {
    expect(mentionsTransfer(text)).toBe(true);
  });

  it.each([
    'Greet the caller and answer questions about opening hours.',
    'Check the router settings.',
    'Connect the dots.',
  ])('finds none in %j', (text) => {
    expect(mentionsTransfer(text)).toBe(false);
  });

  it('accepts extra phrases', () => {
    expect(mentionsTransfer('Bring in a colleague for refunds.', ['bring in'])).toBe(true);
  });
});

describe('mentionsAnyWord', () => {
  it('matches names as words, singular or plural', () => {
    expect(mentionsAnyWord('Invoice questions go to Billing.', ['billing'])).toBe(true);
    expect(mentionsAnyWord('Ask about refunds.', ['refund'])).toBe(true);
    expect(mentionsAnyWord('Ask about the refund.', ['refunds'])).toBe(true);
    expect(mentionsAnyWord('Rebilling is not offered.', ['billing'])).toBe(false);
    expect(mentionsAnyWord('Anything.', [])).toBe(false);
  });
});
