import { describe, expect, it } from 'vitest';
import {
  SensitiveNameClassifier,
  type SensitiveKind,
  sensitiveKindLabel,
  sensitiveNameClassifier,
} from '../../src/analysis/sensitive-names.js';

type Expected = SensitiveKind | 'safe' | 'neutral';

/** Name → expected verdict: the kind when sensitive, 'safe' when it names the secret but is not it, else 'neutral'. */
const TABLE: readonly [string, Expected][] = [
  // card numbers
  ['cardNumber', 'card-number'],
  ['card_number', 'card-number'],
  ['card_no', 'card-number'],
  ['cardNum', 'card-number'],
  ['CARD_NUMBER', 'card-number'],
  ['ccNumber', 'card-number'],
  ['ccn', 'card-number'],
  ['pan', 'card-number'],
  ['PAN', 'card-number'],
  ['creditCard', 'card-number'],
  ['credit_card_number', 'card-number'],
  ['debitCard', 'card-number'],
  ['cardnumber', 'card-number'],
  ['cardNumbers', 'card-number'],
  ['rawCardNumber', 'card-number'],
  ['cardNumberInput', 'card-number'],
  // security codes
  ['cvv', 'card-security-code'],
  ['CVV2', 'card-security-code'],
  ['cvc', 'card-security-code'],
  ['securityCode', 'card-security-code'],
  ['card_security_code', 'card-security-code'],
  // identity
  ['ssn', 'ssn'],
  ['SSN', 'ssn'],
  ['socialSecurityNumber', 'ssn'],
  ['customerSsn', 'ssn'],
  // passwords and secrets
  ['password', 'password'],
  ['userPassword', 'password'],
  ['newPassword', 'password'],
  ['confirmPassword', 'password'],
  ['passwords', 'password'],
  ['passwd', 'password'],
  ['passcode', 'password'],
  ['passphrase', 'password'],
  ['otp', 'password'],
  ['clientSecret', 'secret'],
  ['LIVEKIT_API_SECRET', 'secret'],
  ['webhook_secret', 'secret'],
  ['secretKey', 'secret'],
  ['apiKey', 'api-key'],
  ['api_key', 'api-key'],
  ['OPENAI_API_KEY', 'api-key'],
  ['APIKey', 'api-key'],
  ['apikey', 'api-key'],
  ['x-api-key', 'api-key'],
  ['apiKeys', 'api-key'],
  ['awsAccessKey', 'api-key'],
  ['accessToken', 'access-token'],
  ['refresh_token', 'access-token'],
  ['authToken', 'access-token'],
  ['bearerToken', 'access-token'],
  ['idToken', 'access-token'],
  ['jwt', 'access-token'],
  ['passwordResetToken', 'access-token'],
  ['authorization', 'access-token'],
  ['privateKey', 'private-key'],
  ['PRIVATE_KEY', 'private-key'],
  ['signingKey', 'private-key'],
  // banking
  ['iban', 'iban'],
  ['IBAN', 'iban'],
  ['accountNumber', 'bank-account'],
  ['bank_account_number', 'bank-account'],
  ['acctNo', 'bank-account'],
  ['routingNumber', 'routing-number'],
  ['pin', 'pin'],
  ['cardPin', 'pin'],
  ['pinCode', 'pin'],
  // about the secret, or a safe form of it
  ['passwordResetUrl', 'safe'],
  ['apiKeyEnv', 'safe'],
  ['apiKeyId', 'safe'],
  ['apiKeyName', 'safe'],
  ['secretName', 'safe'],
  ['secretsManager', 'safe'],
  ['passwordLength', 'safe'],
  ['cardNumberLength', 'safe'],
  ['accessTokenExpiresAt', 'safe'],
  ['tokenExpiry', 'neutral'],
  ['passwordHash', 'safe'],
  ['hashedPassword', 'safe'],
  ['maskedCardNumber', 'safe'],
  ['maskedPan', 'neutral'],
  ['cardLast4', 'neutral'],
  ['cardPan', 'card-number'],
  ['card_number_last_4', 'safe'],
  ['cardNumberLastFour', 'safe'],
  ['ssnLast4', 'safe'],
  ['redactedSsn', 'safe'],
  ['encryptedIban', 'safe'],
  ['hasPassword', 'safe'],
  ['isPinSet', 'neutral'],
  ['isPin', 'safe'],
  ['requirePin', 'safe'],
  ['passwordPolicy', 'safe'],
  ['cvvValid', 'safe'],
  ['pinAttempts', 'neutral'],
  ['cardPanLength', 'safe'],
  ['creditCardType', 'safe'],
  ['creditCardBrand', 'safe'],
  ['apiKeyHeader', 'safe'],
  ['otpSent', 'safe'],
  ['pinFailures', 'neutral'],
  ['cvvFailures', 'safe'],
  // nothing secret
  ['tokenCount', 'neutral'],
  ['token', 'neutral'],
  ['maxTokens', 'neutral'],
  ['promptTokens', 'neutral'],
  ['completionTokens', 'neutral'],
  ['orderId', 'neutral'],
  ['customerName', 'neutral'],
  ['accountId', 'neutral'],
  ['account', 'neutral'],
  ['card', 'neutral'],
  ['key', 'neutral'],
  ['cacheKey', 'neutral'],
  ['publicKey', 'neutral'],
  ['pinned', 'neutral'],
  ['pinMessage', 'neutral'],
  ['spinner', 'neutral'],
  ['panLevel', 'neutral'],
  ['stereoPan', 'neutral'],
  ['company', 'neutral'],
  ['secretary', 'neutral'],
  ['passenger', 'neutral'],
  ['phoneNumber', 'neutral'],
  ['orderNumber', 'neutral'],
  ['accessLevel', 'neutral'],
  ['roomName', 'neutral'],
  ['', 'neutral'],
];

function verdictOf(classifier: SensitiveNameClassifier, name: string, qualifier?: string): Expected {
  const verdict = classifier.classify(name, qualifier);
  return verdict.verdict === 'sensitive' ? verdict.kind : verdict.verdict;
}

describe('SensitiveNameClassifier', () => {
  const classifier = new SensitiveNameClassifier();

  it(`has a table of at least 60 names (${TABLE.length})`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TABLE.map(([name]) => name)).size).toBe(TABLE.length);
  });

  it.each(TABLE)('%s → %s', (name, expected) => {
    expect(verdictOf(classifier, name)).toBe(expected);
  });

  it('says why a name is safe', () => {
    expect(classifier.classify('passwordResetUrl')).toEqual({ verdict: 'safe', reason: 'about' });
    expect(classifier.classify('maskedCardNumber')).toEqual({ verdict: 'safe', reason: 'safe-word' });
    expect(classifier.classify('hasPassword')).toEqual({ verdict: 'safe', reason: 'boolean' });
  });

  it('completes a match with the object a property is read from, but only into the property', () => {
    expect(verdictOf(classifier, 'number', 'card')).toBe('card-number');
    expect(verdictOf(classifier, 'number', 'creditCard')).toBe('card-number');
    expect(verdictOf(classifier, 'token', 'auth')).toBe('access-token');
    expect(verdictOf(classifier, 'zip', 'creditCard')).toBe('neutral');
    expect(verdictOf(classifier, 'expiry', 'card')).toBe('neutral');
    expect(verdictOf(classifier, 'number', 'order')).toBe('neutral');
    expect(verdictOf(classifier, 'last4', 'card')).toBe('neutral');
    expect(verdictOf(classifier, 'API_KEY', 'env')).toBe('api-key');
  });

  it('adds names from sensitiveNames (split into words) and honours allowNames', () => {
    const custom = new SensitiveNameClassifier({
      sensitiveNames: ['memberNumber', 'dob'],
      allowNames: ['pin', 'apiKey'],
    });
    expect(verdictOf(custom, 'memberNumber')).toBe('custom');
    expect(verdictOf(custom, 'member_number')).toBe('custom');
    expect(verdictOf(custom, 'customerDob')).toBe('custom');
    expect(verdictOf(custom, 'memberNumberCount')).toBe('safe');
    expect(verdictOf(custom, 'pin')).toBe('safe');
    expect(verdictOf(custom, 'apiKey')).toBe('safe');
    expect(verdictOf(custom, 'userPin')).toBe('pin');
    expect(verdictOf(classifier, 'memberNumber')).toBe('neutral');
  });

  it('labels each kind for messages', () => {
    expect(sensitiveKindLabel('card-security-code')).toBe('a card security code');
    expect(sensitiveKindLabel('api-key')).toBe('an API key');
  });

  it("sensitiveNameClassifier: settings names and a rule's options in one classifier, shared by equal lists", () => {
    const shared = sensitiveNameClassifier(['memberNumber'], { sensitiveNames: ['dob'], allowNames: ['pin'] });
    expect(verdictOf(shared, 'memberNumber')).toBe('custom');
    expect(verdictOf(shared, 'customerDob')).toBe('custom');
    expect(verdictOf(shared, 'pin')).toBe('safe');
    expect(sensitiveNameClassifier(['memberNumber'], { sensitiveNames: ['dob'], allowNames: ['pin'] })).toBe(shared);
    expect(sensitiveNameClassifier([], { sensitiveNames: ['dob'] })).not.toBe(shared);
    expect(sensitiveNameClassifier([], {})).toBe(sensitiveNameClassifier([], { sensitiveNames: [], allowNames: [] }));
    expect(verdictOf(sensitiveNameClassifier([], {}), 'memberNumber')).toBe('neutral');
  });
});
