export const corpusDir: string;
export function generateCorpus(options?: {
  seed?: number;
  files?: number;
  plain?: number;
  parts?: number;
  dir?: string;
}): { agentParts: string[][]; plainFiles: string[]; bytes: number };
