import { describe, expect, it } from 'vitest';
import { isSelfExplainingName, needsFormat, textExplainsName } from '../../src/analysis/parameter-names.js';
import { statesCondition } from '../../src/analysis/instructions.js';

describe('parameter names', () => {
  it.each([
    'firstName',
    'callerPhone',
    'email',
    'notes',
    'reason',
    'city',
    'partySize',
    'guests',
    'contact_name',
    'phoneNumber',
    'guest_room_number',
    'flightNumber',
    'bookingReference',
  ])('%s says what it is and in what form', (name) => {
    expect(isSelfExplainingName(name)).toBe(true);
  });

  it.each([
    'orderId',
    'code',
    'orderNumber',
    'accountNumber',
    'number',
    'reference',
    'paymentReference',
    'date',
    'checkIn',
    'pickupTime',
    'x',
    'value',
    'birthdayName',
  ])('%s leaves the meaning or the form to guess', (name) => {
    expect(isSelfExplainingName(name)).toBe(false);
  });

  it('dates, times and durations need their format', () => {
    for (const name of ['date', 'checkOut', 'pickupTime', 'durationMinutes', 'flightDate', 'dob'])
      expect(needsFormat(name)).toBe(true);
    for (const name of ['guestName', 'phone', 'room']) expect(needsFormat(name)).toBe(false);
  });

  it('a description names a parameter when it has all its words, numbers as words too', () => {
    expect(textExplainsName('Verify by the last four digits of the card.', 'cardLast4')).toBe(true);
    expect(textExplainsName("Record the card's 3 or 4 digit security code.", 'securityCode')).toBe(true);
    expect(textExplainsName('Record the name as it appears on the card.', 'firstName')).toBe(false);
    expect(textExplainsName('anything', '')).toBe(false);
  });
});

describe('statesCondition', () => {
  it.each([
    'Called when the user wants to finish the game.',
    'Call this immediately after the user asks about the weather.',
    'Use as soon as the caller agrees.',
    'If the caller is angry, escalate.',
  ])('finds a condition in %j', (text) => {
    expect(statesCondition(text)).toBe(true);
  });

  it.each(['Transfer the call to Alloy.', 'Moves the caller to sales.'])('finds none in %j', (text) => {
    expect(statesCondition(text)).toBe(false);
  });
});
