import { describe, expect, it } from 'vitest';
import { findVagueToolName, isPortableToolName, toolNameWords } from '../../src/analysis/tool-names.js';

describe('toolNameWords', () => {
  it('splits camelCase, snake_case and kebab-case into verb and object', () => {
    expect(toolNameWords('getOrderStatus')).toEqual({
      words: ['get', 'order', 'status'],
      verb: 'get',
      object: ['order', 'status'],
    });
    expect(toolNameWords('cancel_room_booking')).toEqual({
      words: ['cancel', 'room', 'booking'],
      verb: 'cancel',
      object: ['room', 'booking'],
    });
    expect(toolNameWords('book-flight')).toEqual({ words: ['book', 'flight'], verb: 'book', object: ['flight'] });
  });

  it('joins phrasal verbs', () => {
    expect(toolNameWords('lookUpInvoice').words).toEqual(['lookup', 'invoice']);
    expect(toolNameWords('hang_up').words).toEqual(['hangup']);
    expect(toolNameWords('check_out_cart').verb).toBe('checkout');
  });

  it('has no verb when the first word is not a known verb, and drops filler words from the object', () => {
    expect(toolNameWords('weatherForecast')).toEqual({
      words: ['weather', 'forecast'],
      verb: null,
      object: ['weather', 'forecast'],
    });
    expect(toolNameWords('transfer_to_billing').object).toEqual(['billing']);
  });
});

describe('isPortableToolName', () => {
  it('accepts letters first, then letters, digits, _ and -, up to 64 characters', () => {
    expect(isPortableToolName('lookupOrder')).toBe(true);
    expect(isPortableToolName('lookup_order-2')).toBe(true);
    expect(isPortableToolName('a'.repeat(64))).toBe(true);
  });

  it('rejects empty, too long, spaces, dots, a leading digit or underscore, non-ASCII', () => {
    for (const name of ['', 'a'.repeat(65), 'lookup order', 'orders.lookup', '2fa_check', '_private', 'café']) {
      expect(isPortableToolName(name), name).toBe(false);
    }
  });
});

describe('findVagueToolName', () => {
  const kind = (name: string, vagueWords?: string[]) => findVagueToolName(name, { vagueWords })?.kind ?? null;

  it('reports generic names', () => {
    for (const name of [
      'tool',
      'function',
      'process',
      'handle',
      'run',
      'execute',
      'helper',
      'data',
      'action',
      'myTool',
      'do_action',
      'process_request',
      'info',
    ]) {
      expect(kind(name), name).toBe('generic');
    }
  });

  it('reports numbered generic names', () => {
    for (const name of ['tool1', 'action2', 'function_3', 'getTool2', 'get_data_2'])
      expect(kind(name), name).toBe('numbered');
  });

  it('reports a generic verb with no object, and accepts a specific single word', () => {
    for (const name of ['lookup', 'look_up', 'search', 'query', 'fetch', 'get', 'update', 'submit'])
      expect(kind(name), name).toBe('bareVerb');
    for (const name of ['checkout', 'hangup', 'hang_up', 'transfer', 'cancel']) expect(kind(name), name).toBeNull();
  });

  it('reports names led by a vague verb', () => {
    for (const name of ['handle_order', 'processRefund', 'manage_booking', 'do_x', 'perform_lookup']) {
      expect(kind(name), name).toBe('vagueVerb');
    }
  });

  it('reports a generic verb with a generic or catch-all object', () => {
    for (const name of [
      'get_data',
      'getInfo',
      'fetch_details',
      'get_account_everything',
      'update_record',
      'data_lookup',
      'take_action',
    ]) {
      expect(kind(name), name).toBe('genericObject');
    }
  });

  it('reports names providers reject before judging words', () => {
    expect(findVagueToolName('get data')).toEqual({ kind: 'notPortable', word: null });
    expect(kind('lookup.order')).toBe('notPortable');
  });

  it('accepts specific names from real agents', () => {
    const names = [
      'getWeather',
      'lookupOrderStatus',
      'get_order_details',
      'getUserInfo',
      'listOrderItems',
      'removeOrderItem',
      'scheduleAppointment',
      'transfer_to_human',
      'endCall',
      'add_to_waitlist',
      'request_callback',
      'orderItem',
      'checkRoomAvailability',
      'lookupOrder2',
      'get_all_orders',
      'saveUserInfo',
      'return_item',
      'take_order',
      'send_message',
      'executeTrade',
      'run_speed_test',
      'informationGathered',
      'toggleLight',
      'getNumber',
    ];
    for (const name of names) expect(findVagueToolName(name), name).toBeNull();
  });

  it('names the word that makes the name vague', () => {
    expect(findVagueToolName('handle_order')).toEqual({ kind: 'vagueVerb', word: 'handle' });
    expect(findVagueToolName('fetchDetails')).toEqual({ kind: 'genericObject', word: 'fetch' });
  });

  it('treats extra vague words as generic and as vague leading words', () => {
    expect(kind('frobnicate')).toBeNull();
    expect(kind('frobnicate', ['frobnicate'])).toBe('generic');
    expect(kind('frobnicateOrder', ['Frobnicate'])).toBe('vagueVerb');
  });
});
