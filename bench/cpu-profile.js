/**
 * Reading V8 CPU profiles (the `.cpuprofile` format of `node --cpu-prof` and of the inspector's Profiler domain):
 * time per owner (parser, ESLint, this plugin), per plugin function, and per rule, where a rule's time is every
 * sample whose stack passes through its file under dist/rules/ (helpers and model parts it calls included; ESLint's
 * own dispatch not), and parse time is every sample under the parser's parseForESLint.
 */
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';

const distUrl = new URL('../dist/', import.meta.url).href;
const isPluginUrl = (url) => url.startsWith(distUrl);

/** Runs `fn` under the in-process sampling profiler and returns its result and the profile. */
export async function profileAsync(fn, { intervalMicros = 200 } = {}) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
  let result;
  let profile;
  try {
    result = await fn();
  } finally {
    ({ profile } = await session.post('Profiler.stop'));
    session.disconnect();
  }
  return { result, profile };
}

function ownerOf(url, functionName) {
  if (!url) return functionName === '(garbage collector)' ? 'garbage collector' : `(${functionName || 'native'})`;
  if (isPluginUrl(url)) return `plugin ${url.slice(distUrl.length)}`;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:')) return 'node';
  return url.startsWith('file://') ? fileURLToPath(url) : url;
}

/** Totals of a profile: { total, parse, owners: Map, functions: Map, rules: Map } in milliseconds. */
export function analyzeProfile(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const owners = new Map();
  const functions = new Map();
  const rules = new Map();
  let total = 0;
  let parse = 0;
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const [id, ms] of self) {
    const { url, functionName, lineNumber } = byId.get(id).callFrame;
    total += ms;
    add(owners, ownerOf(url, functionName), ms);
    if (isPluginUrl(url))
      add(functions, `${url.slice(distUrl.length)}:${lineNumber + 1} ${functionName || '(anonymous)'}`, ms);
    let rule = null;
    let parsing = false;
    for (let current = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current).callFrame;
      if (!rule && isPluginUrl(frame.url) && frame.url.slice(distUrl.length).startsWith('rules/')) {
        rule = frame.url.slice(distUrl.length + 'rules/'.length).replace(/\.js$/, '');
      }
      if (frame.functionName === 'parseForESLint' && frame.url.includes('@typescript-eslint/parser')) parsing = true;
    }
    if (rule) add(rules, rule, ms);
    if (parsing) parse += ms;
  }
  return { total, parse, owners, functions, rules };
}

/**
 * Where one rule's time goes: for the samples whose stack passes through `rules/<rule>.js`, the inclusive time of
 * each plugin function on the stack (the rule's listeners, the model parts and helpers they call).
 */
export function ruleBreakdown(profile, rule) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ruleUrl = `${distUrl}rules/${rule}.js`;
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frames = [];
    for (let current = id; current !== undefined; current = parent.get(current))
      frames.push(byId.get(current).callFrame);
    if (!frames.some((frame) => frame.url === ruleUrl)) return;
    total += ms;
    const seen = new Set();
    for (const frame of frames) {
      if (!isPluginUrl(frame.url)) continue;
      const key = `${frame.url.slice(distUrl.length)}:${frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  return { total, functions: [...inclusive].sort((a, b) => b[1] - a[1]) };
}
