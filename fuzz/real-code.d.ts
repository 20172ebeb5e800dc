import type { FuzzPlugin } from './harness.js';

export interface RealCodeSample {
  file: string;
  line: number;
  code: string;
  message: string;
}

export interface RealCodeReport {
  files: number;
  bytes: number;
  skipped: { large: number; declarations: number; twins: number };
  withLiveKitImport: number;
  inlineConfigNotices: number;
  /** Files ESLint found no configuration for (so nothing ran on them). */
  unlinted: string[];
  crashes: { file: string; ruleId: string | null; message: string }[];
  parseErrors: { file: string; message: string }[];
  byRule: Record<string, number>;
  samples: Record<string, RealCodeSample[]>;
  slowest: { file: string | null; ms: number };
  elapsedMs: number;
}

export const livekitRoot: string;
export function listSourceFiles(dir?: string): string[];
export function quickSelection(files?: string[], options?: { root?: string; maxBytes?: number }): string[];
export function lintRealCode(options: {
  plugin: FuzzPlugin;
  files?: string[];
  root?: string;
  maxBytes?: number;
  declarations?: boolean;
  twins?: boolean;
  samples?: number;
}): RealCodeReport;
