/**
 * The Python SDK's names and units that mean nothing in LiveKit Agents for Node.js, and their JS equivalents.
 * Every JS name here was checked against the installed `@livekit/agents` 1.9.0 `.d.ts` files: a suggestion renames
 * only to a name the SDK really reads.
 */
import { isSnakeCase, snakeToCamel } from '../analysis/naming.js';
import type { SdkReceiver } from './receivers.js';

/** JS members of each receiver that a Python spelling maps to (only members that exist in JS). */
const MEMBERS: Readonly<Record<SdkReceiver, ReadonlySet<string>>> = {
  AgentSession: new Set([
    'userData',
    'chatCtx',
    'history',
    'generateReply',
    'updateAgent',
    'currentAgent',
    'agentState',
    'userState',
    'commitUserTurn',
    'clearUserTurn',
    'updateOptions',
    'interrupt',
    'say',
    'start',
    'close',
    'shutdown',
    'usage',
    'toolCtx',
    'waitForIdle',
    'connOptions',
    'maxToolSteps',
    'userAwayTimeout',
    'turnHandling',
  ]),
  Agent: new Set([
    'chatCtx',
    'updateChatCtx',
    'updateInstructions',
    'updateTools',
    'updateOptions',
    'session',
    'instructions',
    'toolCtx',
    'turnHandling',
    'minConsecutiveSpeechDelay',
    'useTtsAlignedTranscript',
  ]),
  AgentContext: new Set([
    'agent',
    'session',
    'chatCtx',
    'instructions',
    'toolCtx',
    'turnHandling',
    'minConsecutiveSpeechDelay',
    'useTtsAlignedTranscript',
  ]),
  RunContext: new Set([
    'userData',
    'session',
    'speechHandle',
    'functionCall',
    'waitForPlayout',
    'disallowInterruptions',
  ]),
  JobContext: new Set([
    'waitForParticipant',
    'addShutdownCallback',
    'deleteRoom',
    'agentName',
    'workerId',
    'isFakeJob',
  ]),
  JobProcess: new Set(['userData']),
};

/** Python names that are not mechanical snake_case conversions. */
const SPECIAL: Readonly<Record<string, string>> = {
  userdata: 'userData',
  entrypoint_fnc: 'entry',
  prewarm_fnc: 'prewarm',
  force_cpu: 'forceCPU',
  ws_url: 'wsURL',
  job_memory_warn_mb: 'jobMemoryWarnMB',
  job_memory_limit_mb: 'jobMemoryLimitMB',
};

/**
 * The names `name in SPECIAL` is true for: its own keys and what it inherits from `Object.prototype`. A set lookup is
 * much cheaper than `in` with ever-changing keys, and these functions run on every member name of a receiver.
 */
const SPECIAL_OR_INHERITED: ReadonlySet<string> = new Set([
  ...Object.keys(SPECIAL),
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** Whether `name` is spelled the Python way (snake_case, or a Python-only name such as `userdata`). */
export function isPythonName(name: string): boolean {
  // A name with no underscore is never snake_case: skip the split in the common case.
  return SPECIAL_OR_INHERITED.has(name) || (name.includes('_') && isSnakeCase(name));
}

/** The JS spelling a Python name would have (not checked against any API). */
export function jsSpelling(name: string): string {
  if (SPECIAL_OR_INHERITED.has(name)) return SPECIAL[name] ?? snakeToCamel(name);
  // Without an underscore, snake_case conversion leaves the name as it is.
  return name.includes('_') ? snakeToCamel(name) : name;
}

/** The JS member of `receiver` that the Python member `name` stands for, or null. */
export function jsMemberName(receiver: SdkReceiver, name: string): string | null {
  if (!isPythonName(name)) return null;
  const js = jsSpelling(name);
  return MEMBERS[receiver].has(js) ? js : null;
}

/** Python method names of an Agent class and the JS hooks the SDK calls instead. */
export const AGENT_HOOK_METHODS: ReadonlySet<string> = new Set([
  'onEnter',
  'onExit',
  'onUserTurnCompleted',
  'onUserTurnExceeded',
  'sttNode',
  'llmNode',
  'ttsNode',
  'transcriptionNode',
  'realtimeAudioOutputNode',
]);

/** The hooks `voice.Agent.create({...})` accepts (it has no `onUserTurnExceeded`). */
const CREATE_HOOKS = [
  'onEnter',
  'onExit',
  'onUserTurnCompleted',
  'sttNode',
  'llmNode',
  'ttsNode',
  'realtimeAudioOutputNode',
  'transcriptionNode',
];

/** The option objects whose keys we check, by what receives them. */
export type OptionTarget =
  | 'AgentSession'
  | 'Agent'
  | 'Agent.create'
  | 'session.start'
  | 'session.generateReply'
  | 'session.say'
  | 'session.run'
  | 'silero:VAD.load'
  | 'inference.VAD'
  | 'defineAgent'
  | 'ServerOptions';

const AGENT_OPTIONS = [
  'id',
  'instructions',
  'chatCtx',
  'tools',
  'stt',
  'vad',
  'llm',
  'tts',
  'expressive',
  'turnHandling',
  'toolHandling',
  'minConsecutiveSpeechDelay',
  'useTtsAlignedTranscript',
  'turnDetection',
  'allowInterruptions',
  'preserveFunctionCallHistory',
];

/** The options each target reads (camelCase, from the SDK's types). */
export const OPTION_NAMES: Readonly<Record<OptionTarget, ReadonlySet<string>>> = {
  AgentSession: new Set([
    'stt',
    'vad',
    'llm',
    'tts',
    'userData',
    'connOptions',
    'tools',
    'toolHandling',
    'turnDetection',
    'voiceOptions',
    'maxToolSteps',
    'preemptiveGeneration',
    'userAwayTimeout',
    'transcriptionTimeout',
    'aecWarmupDuration',
    'ttsReadIdleTimeout',
    'forwardAudioIdleTimeout',
    'turnHandling',
    'keytermsOptions',
    'useTtsAlignedTranscript',
    'ttsTextTransforms',
    'expressive',
  ]),
  Agent: new Set(AGENT_OPTIONS),
  'Agent.create': new Set([...AGENT_OPTIONS, ...CREATE_HOOKS]),
  'session.start': new Set(['agent', 'room', 'inputOptions', 'outputOptions', 'record']),
  'session.generateReply': new Set([
    'userInput',
    'chatCtx',
    'instructions',
    'toolChoice',
    'allowInterruptions',
    'inputModality',
  ]),
  'session.say': new Set(['audio', 'allowInterruptions', 'addToChatCtx']),
  'session.run': new Set(['userInput', 'inputModality', 'outputType', 'outputOptions']),
  'silero:VAD.load': new Set([
    'minSpeechDuration',
    'minSilenceDuration',
    'prefixPaddingDuration',
    'maxBufferedSpeech',
    'activationThreshold',
    'sampleRate',
    'forceCPU',
  ]),
  'inference.VAD': new Set([
    'model',
    'minSpeechDuration',
    'minSilenceDuration',
    'prefixPaddingDuration',
    'maxBufferedSpeech',
    'activationThreshold',
    'deactivationThreshold',
  ]),
  defineAgent: new Set(['entry', 'prewarm', 'onSessionEnd', 'onSimulationEnd']),
  ServerOptions: new Set([
    'agent',
    'requestFunc',
    'loadFunc',
    'loadThreshold',
    'numIdleProcesses',
    'drainTimeout',
    'shutdownProcessTimeout',
    'sessionEndTimeout',
    'initializeProcessTimeout',
    'permissions',
    'agentName',
    'serverType',
    'maxRetry',
    'wsURL',
    'apiKey',
    'apiSecret',
    'workerToken',
    'host',
    'port',
    'logLevel',
    'production',
    'jobMemoryWarnMB',
    'jobMemoryLimitMB',
  ]),
};

/**
 * VAD durations, in milliseconds in Node.js (seconds in Python), and the value below which a number reads as
 * seconds: 0.55 ms of silence or 60 ms of buffered speech is never what anyone meant.
 */
export const VAD_DURATIONS: Readonly<Record<string, number>> = {
  minSpeechDuration: 10,
  minSilenceDuration: 10,
  prefixPaddingDuration: 10,
  maxBufferedSpeech: 300,
};

/**
 * AgentSession options that are durations in milliseconds (the SDK's types say so), by their path in the options
 * object, and the value below which a number reads as seconds. `userAwayTimeout` is in seconds and is not here.
 */
export const SESSION_DURATIONS: Readonly<Record<string, number>> = {
  'voiceOptions.minInterruptionDuration': 10,
  'voiceOptions.minEndpointingDelay': 10,
  'voiceOptions.maxEndpointingDelay': 10,
  'turnHandling.interruption.minDuration': 10,
  'turnHandling.interruption.falseInterruptionTimeout': 10,
  'turnHandling.endpointing.minDelay': 10,
  'turnHandling.endpointing.maxDelay': 10,
  'turnHandling.preemptiveGeneration.maxSpeechDuration': 10,
  'turnHandling.userTurnLimit.maxDuration': 10,
  aecWarmupDuration: 10,
  transcriptionTimeout: 10,
  ttsReadIdleTimeout: 10,
  forwardAudioIdleTimeout: 10,
};

/** The keys `ctx.connect(e2ee, autoSubscribe, rtcConfig)` would need as positional arguments. */
export const CONNECT_POSITIONS: Readonly<Record<string, number>> = {
  e2ee: 0,
  auto_subscribe: 1,
  autoSubscribe: 1,
  rtc_config: 2,
  rtcConfig: 2,
};

/** The keys of `E2EEOptions`: an object made of these is a real first argument of `ctx.connect`. */
export const E2EE_OPTION_KEYS: ReadonlySet<string> = new Set(['keyProviderOptions', 'encryptionType']);

/** Python-only functions of the SDK's modules (canonical path → what to use). */
export const PYTHON_FUNCTIONS: Readonly<Record<string, string>> = {
  function_tool: 'llm.tool',
  'llm.function_tool': 'llm.tool',
};
