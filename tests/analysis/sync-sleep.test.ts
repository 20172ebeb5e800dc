import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { busyWaitLoop, isClockRead, syncSleepCall } from '../../src/analysis/sync-sleep.js';
import { probe } from '../helpers/probe.js';

/** Each call as `kind text delay`, or '-' when it is not a sync sleep (inner calls included, in visit order). */
function sleeps(code: string, extra: string[] = []): string[] {
  return probe(code, 'CallExpression', (node, context) => {
    const sleep = syncSleepCall(context.sourceCode, node as TSESTree.CallExpression, extra);
    return sleep ? `${sleep.kind} ${sleep.text} ${sleep.delay}` : '-';
  });
}

function loops(code: string): boolean[] {
  return probe(
    code,
    'WhileStatement, DoWhileStatement, ForStatement',
    (node, context) => busyWaitLoop(context.sourceCode, node as TSESTree.WhileStatement) !== null,
  );
}

describe('syncSleepCall', () => {
  it('reads the delay in milliseconds from each form', () => {
    expect(
      sleeps(`
        import { execSync, spawnSync } from 'node:child_process';
        import sleep from 'sleep';
        import deasync from 'deasync';
        import atomicSleep from 'atomic-sleep';
        execSync('sleep 2');
        execSync('sleep 0.25 && echo done');
        spawnSync('/usr/bin/sleep', ['3']);
        sleep.sleep(n);
        sleep.usleep(a + b);
        deasync.sleep(40);
        atomicSleep(ms);
        Atomics.wait(view, 0, 0);
        Atomics.wait(view, 0, 0, Infinity);
      `),
    ).toEqual([
      "child-process-sleep execSync('sleep …') 2000",
      "child-process-sleep execSync('sleep …') 250",
      "child-process-sleep spawnSync('sleep …') 3000",
      'sleep-package sleep.sleep n * 1000',
      'sleep-package sleep.usleep (a + b) / 1000',
      'sleep-package deasync.sleep 40',
      'sleep-package atomicSleep ms',
      'atomics-wait Atomics.wait null',
      'atomics-wait Atomics.wait null',
    ]);
  });

  it('leaves out other commands, unknown units, other packages and shadowed globals', () => {
    expect(
      sleeps(`
        import { execSync } from 'node:child_process';
        import sleep from 'sleep';
        import { setTimeout } from 'node:timers/promises';
        execSync('sleepy-tool run');
        execSync('echo sleep 1');
        sleep(10);
        setTimeout(10);
        function f(Atomics: { wait(...a: unknown[]): void }) { Atomics.wait(1, 2, 3, 4); }
      `),
    ).toEqual(['-', '-', '-', '-', '-']);
  });

  it('an unreadable duration gives no delay, and extra callee texts are sleeps', () => {
    expect(
      sleeps(
        `
        import { execSync } from 'child_process';
        execSync(\`sleep \${seconds}\`);
        execSync('sleep 5m');
        helpers.blockFor(10);
      `,
        ['helpers.blockFor'],
      ),
    ).toEqual([
      "child-process-sleep execSync('sleep …') null",
      "child-process-sleep execSync('sleep …') null",
      'sleep-package helpers.blockFor null',
    ]);
  });
});

describe('busyWaitLoop / isClockRead', () => {
  it('finds loops that only wait on a clock', () => {
    expect(
      loops(`
        while (Date.now() < end);
        do {} while (performance.now() - start < 10);
        for (;;) { if (Date.now() > end) break; }
        while (Date.now() < end) { work(); }
        while (Date.now() < end) { await tick(); }
        while (i < 10) {}
        for (;;) { if (Date.now() > end) break; work(); }
      `),
    ).toEqual([true, true, true, false, false, false, false]);
  });

  it('recognises clock reads, not look-alikes', () => {
    const reads = probe(
      `
        Date.now(); performance.now(); new Date().getTime(); process.hrtime(); process.hrtime.bigint(); +new Date();
        Date.parse('x'); new Date(1).getTime(); clock.now();
      `,
      'ExpressionStatement',
      (node, context) => isClockRead(context.sourceCode, (node as TSESTree.ExpressionStatement).expression),
    );
    expect(reads).toEqual([true, true, true, true, true, true, false, false, false]);
  });
});
