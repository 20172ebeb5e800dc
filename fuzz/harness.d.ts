import type { Linter } from 'eslint';

/** The part of a plugin the harness uses: its rules and its `all` config. */
export interface FuzzPlugin {
  rules: Record<string, unknown>;
  configs: { all: unknown };
}

export type FailureKind =
  | 'crash'
  | 'slow'
  | 'fix-unparsable'
  | 'suggestion-unparsable'
  | 'crash-on-suggestion-output'
  | 'crash-on-fixed-output'
  | 'fix-not-idempotent';

export interface Failure {
  kind: FailureKind;
  ruleId: string | null;
  message: string;
  stack?: string;
}

export interface RunFailure extends Failure {
  seed: number;
  index: number;
  program: string;
  minimized: string | null;
}

export interface ProgramCheck {
  reports: number;
  byRule: Record<string, number>;
  fixes: number;
  suggestions: number;
  ms: number;
  failure: Failure | null;
  rejected: boolean;
}

export interface FuzzTotals {
  seed: number;
  start: number;
  programs: number;
  unbuildable: number;
  rejected: number;
  linted: number;
  withReports: number;
  reports: number;
  fixes: number;
  suggestions: number;
  byRule: Record<string, number>;
  programsByRule: Record<string, number>;
  variants: Record<string, number>;
  slowest: { index: number; ms: number };
  failures: RunFailure[];
  elapsedMs: number;
}

export const FILENAME: string;
export function createConfig(plugin: FuzzPlugin): Linter.Config[];
export function parseError(text: string): string | null;
export function buildProgram(seed: number, index: number): { text: string | null; variant: string | null };
export function checkProgram(
  linter: Linter,
  config: Linter.Config[],
  text: string,
  options?: { slowMs?: number },
): ProgramCheck;
export function minimize(
  text: string,
  stillFails: (candidate: string) => boolean,
  options?: { maxChecks?: number },
): string;
export function runFuzz(options: {
  plugin: FuzzPlugin;
  count: number;
  seed: number;
  start?: number;
  slowMs?: number;
  minimizeFailures?: boolean;
  /** Most predicate runs spent minimizing one failure (600). */
  minimizeChecks?: number;
  maxFailures?: number;
  onProgress?: (done: number, totals: FuzzTotals) => void;
}): FuzzTotals;
export function formatFailure(failure: RunFailure): string;
