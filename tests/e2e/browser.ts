/**
 * A headless Chromium driven through the Chrome DevTools Protocol over a pipe (`--remote-debugging-pipe`: JSON
 * messages on file descriptors 3 and 4, each ended by a NUL byte). No browser library and no WebSocket: the
 * smallest client that can open a page, record what it logs and fetches, evaluate a script in it and take a
 * screenshot.
 *
 * Chromium comes from the Debian packages: `ensureChromium()` installs it when it is missing (CI runs as root).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when it is missing (needs root); returns its path. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${CHROMIUM} is missing and this is not root: install it with \`apt-get install -y chromium\` to run the browser tests`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'ignore',
    env,
    timeout: 600_000,
  });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
  return CHROMIUM;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
}

export interface PageEvents {
  /** console.error / console.warn calls, uncaught exceptions and browser log entries at level error. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
}

export class Browser {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  private readonly listeners: ((message: Message) => void)[] = [];
  private buffer = '';

  private constructor(
    private readonly process: ChildProcess,
    private readonly profile: string,
  ) {
    const input = process.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) !== -1) {
        const message = JSON.parse(this.buffer.slice(0, end)) as Message;
        this.buffer = this.buffer.slice(end + 1);
        if (message.id !== undefined) {
          const waiter = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error.message));
          else waiter?.resolve(message.result ?? {});
        } else {
          for (const listener of this.listeners) listener(message);
        }
      }
    });
    process.on('exit', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  static launch(executable = CHROMIUM): Browser {
    const profile = mkdtempSync(join(tmpdir(), 'lk-e2e-chromium-'));
    const child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--no-default-browser-check',
        '--hide-scrollbars',
        '--remote-debugging-pipe',
        `--user-data-dir=${profile}`,
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new Browser(child, profile);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const output = this.process.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer from chromium in 60 s`));
      }, 60_000);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves with the first event `method` of the session. */
  waitFor(method: string, sessionId: string): Promise<Message> {
    return new Promise((resolve) => {
      const listener = (message: Message) => {
        if (message.method === method && message.sessionId === sessionId) {
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(message);
        }
      };
      this.listeners.push(listener);
    });
  }

  /** Opens `url` in a new tab of `width`×`height`, recording its errors and requests from the first byte. */
  async open(url: string, width = 1200, height = 900): Promise<Page> {
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    const events: PageEvents = { errors: [], requests: [] };
    this.listeners.push((message) => {
      if (message.sessionId !== sessionId) return;
      const params = message.params ?? {};
      if (message.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'warning')) {
        events.errors.push(`console.${String(params.type)}: ${JSON.stringify(params.args)}`);
      } else if (message.method === 'Runtime.exceptionThrown') {
        events.errors.push(`exception: ${JSON.stringify(params.exceptionDetails)}`);
      } else if (message.method === 'Log.entryAdded') {
        const entry = params.entry as { level: string; text: string; url?: string };
        if (entry.level === 'error' || entry.level === 'warning')
          events.errors.push(`log ${entry.level}: ${entry.text} ${entry.url ?? ''}`);
      } else if (message.method === 'Network.requestWillBeSent') {
        events.requests.push((params.request as { url: string }).url);
      } else if (message.method === 'Network.loadingFailed') {
        events.errors.push(`loading failed: ${String(params.errorText)}`);
      }
    });
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send(
      'Emulation.setDeviceMetricsOverride',
      { width, height, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    const loaded = this.waitFor('Page.loadEventFired', sessionId);
    const navigation = (await this.send('Page.navigate', { url }, sessionId)) as { errorText?: string };
    if (navigation.errorText) throw new Error(`cannot open ${url}: ${navigation.errorText}`);
    await loaded;
    return new Page(this, sessionId, events);
  }

  /** Ends chromium and waits for it to exit before removing its profile (it writes there until it does). */
  async close(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
      this.process.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // A profile left in the temp folder harms nothing; the test's result does not depend on it.
    }
  }
}

export class Page {
  constructor(
    private readonly browser: Browser,
    private readonly sessionId: string,
    readonly events: PageEvents,
  ) {}

  /** Evaluates `expression` in the page and returns its value (JSON-serialisable). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.browser.send(
      'Runtime.evaluate',
      { expression, returnByValue: true },
      this.sessionId,
    )) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    if (exceptionDetails) throw new Error(`evaluation failed: ${JSON.stringify(exceptionDetails)}`);
    return result.value;
  }

  /** A PNG of the viewport, or of the page down to `height` CSS pixels. */
  async screenshot(height?: number): Promise<Buffer> {
    const params: Record<string, unknown> = { format: 'png' };
    if (height)
      params.clip = {
        x: 0,
        y: 0,
        width: await this.evaluate<number>('document.documentElement.clientWidth'),
        height,
        scale: 1,
      };
    const { data } = (await this.browser.send('Page.captureScreenshot', params, this.sessionId)) as { data: string };
    return Buffer.from(data, 'base64');
  }
}
