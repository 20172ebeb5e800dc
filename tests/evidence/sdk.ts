/**
 * Shared setup of the evidence suite: the SDK under test, offline sessions driven by voice.testing.FakeLLM, a job
 * context over a stand-in room (the only part of a job that needs a LiveKit server), and child processes that import
 * the SDK from a file URL (for claims about a fresh process: module scope, the job process, the logger).
 *
 * `npm run evidence -- --sdk <version>` sets EVIDENCE_SDK_DIR to a folder whose node_modules holds that version; the
 * vitest config then aliases `@livekit/agents` and `@livekit/agents-plugin-silero` there, and `sdkPath()` points the
 * child processes at the same copy. Without it, the repository's own dev dependency (1.9.0) is used.
 */
import { fork, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as agents from '@livekit/agents';
import { JobContext, JobProcess, initializeLogger, type llm, voice } from '@livekit/agents';
import { afterEach, expect, onTestFinished } from 'vitest';

initializeLogger({ pretty: false, level: 'fatal' });

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The folder whose node_modules holds the SDK under test. */
export const SDK_DIR = process.env.EVIDENCE_SDK_DIR ?? repoRoot;

// Under `npm run evidence -- --sdk <v>`, make sure the aliased '@livekit/agents' is the copy in EVIDENCE_SDK_DIR: the
// same file imported by its path must give the very same module. (The `version` export cannot tell: 1.0.x says 0.1.0.)
if (process.env.EVIDENCE_SDK_DIR) {
  const direct = (await import(pathToFileURL(sdkPath('@livekit/agents')).href)) as typeof agents;
  if (direct.defineAgent !== agents.defineAgent) {
    throw new Error(`the evidence suite did not load @livekit/agents from ${process.env.EVIDENCE_SDK_DIR}`);
  }
}

/** The ESM entry of an installed package of the SDK under test, as an absolute path. */
export function sdkPath(name: '@livekit/agents' | '@livekit/agents-plugin-silero', subpath = ''): string {
  const dir = join(SDK_DIR, 'node_modules', name);
  if (subpath) return join(dir, subpath);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports?: unknown;
    module?: string;
    main?: string;
  };
  return join(dir, esmEntry(manifest.exports) ?? manifest.module ?? manifest.main ?? 'index.js');
}

function esmEntry(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (!exports || typeof exports !== 'object') return undefined;
  const map = exports as Record<string, unknown>;
  const root = '.' in map ? map['.'] : map;
  if (typeof root === 'string') return root;
  if (!root || typeof root !== 'object') return undefined;
  const conditions = root as Record<string, unknown>;
  for (const key of ['import', 'default']) {
    const value = conditions[key];
    if (typeof value === 'string') return value;
    if (value && typeof value === 'object') {
      const nested = (value as Record<string, unknown>).default;
      if (typeof nested === 'string') return nested;
    }
  }
  return undefined;
}

/** The version of the SDK under test. */
export function sdkVersion(): string {
  const manifest = readFileSync(join(SDK_DIR, 'node_modules/@livekit/agents/package.json'), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/**
 * Matches what `silero.VAD.load()` returns: a VAD, by shape. Not `instanceof silero.VAD`, nor its label: from 1.4.7
 * the plugin delegates a 16 kHz load to `inference.VAD({ model: 'silero' })` in some versions (1.5.0 does, 1.9.0
 * does not), and older builds carry more than one copy of the class.
 */
export const A_VAD = { label: expect.stringMatching(/VAD$/), stream: expect.any(Function) };

const sessions: voice.AgentSession[] = [];

/** voice.testing.FakeLLM that also keeps the system text of every request it gets (what the model would be told). */
export interface RecordingLLM extends voice.testing.FakeLLM {
  readonly systemTexts: string[];
  /** The tools offered to the model in each request, as it receives them: name and description. */
  readonly toolsOffered: { name: string; description: unknown }[][];
}

let RecordingClass: (new (responses: voice.testing.FakeLLMResponse[]) => RecordingLLM) | undefined;

/**
 * A RecordingLLM answering from `responses`. The class is made on first use, so that on an SDK without
 * `voice.testing` (1.0.x) only the tests that drive a session fail, each with this reason, and the others still run.
 */
export function recordingLLM(responses: voice.testing.FakeLLMResponse[] = []): RecordingLLM {
  if (!RecordingClass) {
    const FakeLLM = (voice as { testing?: typeof voice.testing }).testing?.FakeLLM;
    if (!FakeLLM) {
      throw new Error('this @livekit/agents has no voice.testing.FakeLLM: a session cannot be driven offline on it');
    }
    RecordingClass = class extends FakeLLM implements RecordingLLM {
      readonly systemTexts: string[] = [];
      readonly toolsOffered: { name: string; description: unknown }[][] = [];

      constructor(responses: voice.testing.FakeLLMResponse[]) {
        super(responses);
        // Older FakeLLMs (1.0.48-1.5.x) fail a request that has no user text ("No input text found") by emitting
        // 'error', which with no listener becomes an unhandled error of the run; the session itself copes with it.
        (this as unknown as { on: (event: string, listener: () => void) => void }).on('error', () => {});
      }

      override chat(options: Parameters<voice.testing.FakeLLM['chat']>[0]) {
        for (const text of messages(options.chatCtx, 'system')) this.systemTexts.push(text);
        const toolCtx = options.toolCtx as { functionTools?: Record<string, { description?: unknown }> } | undefined;
        const tools =
          toolCtx?.functionTools ?? (toolCtx as Record<string, { description?: unknown }> | undefined) ?? {};
        this.toolsOffered.push(Object.entries(tools).map(([name, tool]) => ({ name, description: tool.description })));
        return super.chat(options);
      }
    };
  }
  return new RecordingClass(responses);
}

const llms = new WeakMap<object, RecordingLLM>();

/** The system texts the session's LLM has been sent so far. */
export function systemTextsSent(session: object): string[] {
  return llms.get(session)?.systemTexts ?? [];
}

/** The tools (name, description) the model is offered for one turn of `agent`: what it chooses from. */
export async function toolsOfferedBy(agent: voice.Agent): Promise<{ name: string; description: unknown }[]> {
  const session = await startSession(agent);
  await session.run({ userInput: 'Hello' }).wait();
  const offered = llms.get(session)!.toolsOffered;
  expect(offered.length).toBeGreaterThan(0);
  return offered[0]!;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

/** Closes `session` after the test (for sessions a test's entry creates itself). */
export function closeAfterTest<T extends object>(session: T): T {
  sessions.push(session as unknown as voice.AgentSession);
  return session;
}

/** Starts an offline session (no room, no network) whose LLM answers from `responses`; closed after the test. */
export async function startSession<UserData = never>(
  agent: voice.Agent<UserData>,
  responses: voice.testing.FakeLLMResponse[] = [],
  options: { userData?: UserData } = {},
): Promise<voice.AgentSession<UserData>> {
  const model = recordingLLM(responses);
  const session = new voice.AgentSession<UserData>({
    llm: model,
    ...(options.userData === undefined ? {} : { userData: options.userData }),
  });
  llms.set(session, model);
  sessions.push(session as unknown as voice.AgentSession);
  await session.start({ agent });
  return session;
}

/** The text of the tool outputs of a run, as the LLM receives them. */
export function toolOutputs(chatCtx: { items: readonly llm.ChatItem[] }): string[] {
  return chatCtx.items.flatMap((item) => (item.type === 'function_call_output' ? [item.output] : []));
}

/** The texts of the messages of one role in a chat context. */
export function messages(chatCtx: { items: readonly llm.ChatItem[] }, role: 'user' | 'system' | 'assistant'): string[] {
  return chatCtx.items.flatMap((item) =>
    item.type === 'message' && item.role === role ? [item.textContent ?? ''] : [],
  );
}

/**
 * A stand-in for the rtc `Room` of a job: connecting needs a LiveKit server, so `connect` here records when and how
 * it was called, waits `connectDelay` ms (or rejects with `connectError`), then marks the room connected with one
 * caller in it. Everything else a JobContext does (the checks, the order, the options it builds) is the SDK's own.
 */
export class StandInRoom extends EventEmitter {
  name = 'evidence-room';
  isConnected = false;
  remoteParticipants = new Map<string, unknown>();
  localParticipant = undefined;
  connectCalls: { at: number; url: string; token: string; opts: Record<string, unknown> }[] = [];

  constructor(private readonly behaviour: { connectDelay?: number; connectError?: Error } = {}) {
    super();
  }

  async connect(url: string, token: string, opts: Record<string, unknown>): Promise<void> {
    this.connectCalls.push({ at: performance.now(), url, token, opts });
    if (this.behaviour.connectDelay) await new Promise((resolve) => setTimeout(resolve, this.behaviour.connectDelay));
    if (this.behaviour.connectError) throw this.behaviour.connectError;
    this.isConnected = true;
    const caller = { identity: 'caller', info: { kind: 0 }, trackPublications: new Map() };
    this.remoteParticipants.set(caller.identity, caller);
  }

  async disconnect(): Promise<void> {
    this.isConnected = false;
  }
}

/** A real JobContext for one job, over a stand-in room. */
export function jobContext(room: StandInRoom, proc: JobProcess = new JobProcess()): JobContext {
  const info = {
    acceptArguments: { name: 'agent', identity: 'agent-evidence', metadata: '' },
    job: { id: 'job-evidence', room: { name: room.name }, metadata: 'caller-42', attributes: {} },
    url: 'wss://evidence.invalid',
    token: 'token',
    workerId: 'worker-evidence',
  };
  const Context = JobContext as unknown as new (...args: unknown[]) => JobContext;
  return new Context(
    proc,
    info,
    room,
    () => {},
    () => {},
    undefined,
  );
}

/** Runs `fn` and returns the longest gap between ticks of a 5 ms interval timer while it ran (the event-loop stall). */
export async function longestTimerGap(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    await fn();
    // One more tick, so a stall at the very end is measured too.
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    clearInterval(timer);
  }
  return longest;
}

/** Writes `files` (name → source) to a fresh temp folder; removed after the test. */
export function tempModules(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lk-evidence-'));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The import URL of the SDK under test, for generated modules (`import { log } from '${sdkUrl()}'`). */
export function sdkUrl(name: '@livekit/agents' | '@livekit/agents-plugin-silero' = '@livekit/agents'): string {
  return pathToFileURL(sdkPath(name)).href;
}

/** Runs a Node script; resolves with its exit code and output. */
export function runNode(
  args: string[],
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...options.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Lets the LLM of an offline session call `name` with `args` on `agent`; returns the output the LLM receives. */
export async function callTool(agent: voice.Agent, name: string, args: Record<string, unknown> = {}): Promise<string> {
  const input = `please call ${name}`;
  const session = await startSession(agent, [{ input, toolCalls: [{ name, args }] }]);
  const result = await session.run({ userInput: input }).wait();
  return result.expect.containsFunctionCallOutput().event().item.output;
}

/**
 * Loads an agent file the way the agent server does: forks the SDK's own job process entry
 * (dist/ipc/job_proc_lazy_main.js, as ipc/job_proc_executor.ts does) with the file, then sends the first IPC message
 * (`initializeRequest`, which sets up the logger and runs prewarm). `loaded` is true when the process answered
 * `initializeResponse`; otherwise `stderr` says why it died.
 */
export function loadInJobProcess(
  agentFile: string,
  env: Record<string, string> = {},
): Promise<{ loaded: boolean; stderr: string; code: number | null }> {
  const main = sdkPath('@livekit/agents', 'dist/ipc/job_proc_lazy_main.js');
  return new Promise((resolve, reject) => {
    const child = fork(main, [agentFile], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    let loaded = false;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.resume();
    // The child listens for its first message only once the agent file is imported: repeat it until answered.
    const initialize = {
      case: 'initializeRequest',
      value: { loggerOptions: { pretty: false, level: 'fatal' }, sessionEndTimeout: 10 },
    };
    // A child that dies between the check and the send must not fail the test with EPIPE: the callback takes the error.
    const ask = setInterval(() => child.connected && child.send(initialize, () => {}), 50);
    // The job process ignores SIGTERM (the agent server drains it); SIGKILL ends it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('message', (message: { case?: string }) => {
      if (message.case !== 'initializeResponse' || loaded) return;
      loaded = true;
      clearInterval(ask);
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(ask);
      clearTimeout(timer);
      resolve({ loaded, stderr, code });
    });
  });
}
