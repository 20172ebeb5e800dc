/**
 * Editor squiggles, proven with the real ESLint language server (`vscode-eslint-language-server` from
 * vscode-langservers-extracted: the server that VS Code, Neovim, Helix and Zed run) over stdio.
 *
 * A temporary workspace has an `eslint.config.js` that extends `recommended` and the violations fixture. For every
 * fixture file, opened as an editor opens it, the diagnostics the server returns (it is pull-based:
 * `textDocument/diagnostic`) must be exactly ESLint's own messages for that file (rule id, range, message, docs
 * link), and every fix and suggestion ESLint offers must come back as a code action whose edit yields the same text
 * as ESLint's fix. "Show documentation" must open the rule's page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';
import {
  PACKAGE_NAME,
  binPath,
  copyViolations,
  linkPackages,
  loadBuiltPlugin,
  makeTempDir,
  markedProblems,
  removeDir,
  ruleMeta,
  userConfig,
} from './helpers.js';
import type { LiveKitAgentsPlugin } from '../../src/index.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  diagnostics?: Diagnostic[];
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}

const languageIds: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
};

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + position.character, text.length);
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let result = text;
  for (const edit of sorted) {
    result =
      result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end));
  }
  return result;
}

function applyEslintFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges)
    return edit.documentChanges.filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits);
  return edit.changes?.[uri] ?? [];
}

/** The shape of an LSP diagnostic that ESLint's message must produce. */
function expectedDiagnostic(plugin: LiveKitAgentsPlugin, message: Linter.LintMessage) {
  const ruleId = message.ruleId ?? undefined;
  return {
    code: ruleId,
    message: message.message,
    href: ruleId === undefined ? undefined : ruleMeta(plugin, ruleId)?.docs?.url,
    range: {
      start: { line: message.line - 1, character: message.column - 1 },
      end: { line: (message.endLine ?? message.line) - 1, character: (message.endColumn ?? message.column) - 1 },
    },
  };
}

function serverSettings(workspace: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: {},
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'workspace', uri: pathToFileURL(workspace).href },
  };
}

describe('editor: vscode-eslint-language-server shows the plugin in a workspace that extends recommended', () => {
  let workspace = '';
  let plugin: LiveKitAgentsPlugin;
  let client: LspClient | undefined;
  let files: string[] = [];
  let expected = new Map<string, ESLint.LintResult>();
  const applied: WorkspaceEdit[] = [];
  const seenRules = new Set<string>();
  let checkedEdits = 0;
  let expectedEdits = 0;

  beforeAll(async () => {
    plugin = await loadBuiltPlugin();
    workspace = makeTempDir('editor');
    writeFileSync(
      join(workspace, 'package.json'),
      JSON.stringify({ name: 'editor-workspace', private: true, type: 'module' }),
    );
    writeFileSync(join(workspace, 'eslint.config.js'), userConfig('recommended'));
    linkPackages(workspace, ['eslint', '@typescript-eslint/parser', '@livekit/agents', PACKAGE_NAME]);
    files = copyViolations(workspace);

    // ESLint's own verdict on the same files with the same config: what the editor must show.
    const eslint = new ESLint({ cwd: workspace });
    const results = await eslint.lintFiles(files);
    expected = new Map(results.map((result) => [result.filePath, result]));

    client = new LspClient(
      process.execPath,
      [binPath('vscode-langservers-extracted', 'vscode-eslint-language-server'), '--stdio'],
      workspace,
    );
    client.onServerRequest('workspace/configuration', (params) =>
      (params as { items: unknown[] }).items.map(() => serverSettings(workspace)),
    );
    client.onServerRequest('workspace/applyEdit', (params) => {
      applied.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    const initialized = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
        },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          codeAction: {
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] },
            },
          },
        },
      },
    });
    expect(initialized.capabilities.diagnosticProvider).toBeTruthy();
    expect(initialized.capabilities.codeActionProvider).toBeTruthy();
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client?.close();
    removeDir(workspace);
  });

  it('the workspace has violation files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('every fixture file: diagnostics, quick fixes, suggestions and docs links match ESLint', async () => {
    for (const file of files) {
      const path = join(workspace, file);
      const uri = pathToFileURL(path).href;
      const text = readFileSync(path, 'utf8');
      client!.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: languageIds[extname(file)] ?? 'typescript', version: 1, text },
      });
      const report = await client!.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      expect(report.kind, file).toBe('full');

      const messages = expected.get(path)?.messages ?? [];
      const actual = report.items
        .filter((item) => item.source === 'eslint')
        .map((item) => ({
          code: item.code,
          message: item.message,
          href: item.codeDescription?.href,
          range: item.range,
        }));
      expect(actual, `${file}: diagnostics`).toEqual(messages.map((message) => expectedDiagnostic(plugin, message)));

      for (const [index, diagnostic] of report.items.entries()) {
        const message = messages[index]!;
        const ruleId = String(diagnostic.code);
        seenRules.add(ruleId);
        const actions = await client!.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic], triggerKind: 1 },
        });
        const titles = actions.map((action) => action.title);
        expect(titles, `${file}:${message.line} ${ruleId}`).toContain(`Disable ${ruleId} for this line`);
        expect(titles, `${file}:${message.line} ${ruleId}`).toContain(`Show documentation for ${ruleId}`);

        // Each of ESLint's fixes and suggestions is offered, and applying it gives ESLint's result.
        const wanted: { command: string; title?: string; output: string }[] = [];
        if (message.fix) wanted.push({ command: 'eslint.applySingleFix', output: applyEslintFix(text, message.fix) });
        for (const suggestion of message.suggestions ?? []) {
          wanted.push({
            command: 'eslint.applySuggestion',
            title: `${suggestion.desc} (${ruleId})`,
            output: applyEslintFix(text, suggestion.fix),
          });
        }
        expectedEdits += wanted.length;
        const offered = actions.filter(
          (action) =>
            action.command?.command === 'eslint.applySingleFix' || action.command?.command === 'eslint.applySuggestion',
        );
        expect(
          offered.map((action) => action.command!.command),
          `${file}:${message.line} ${ruleId}: fix/suggestion actions`,
        ).toEqual(wanted.map((entry) => entry.command));
        for (const [position, entry] of wanted.entries()) {
          const action = offered[position]!;
          if (entry.title) expect(action.title).toBe(entry.title);
          const before = applied.length;
          await client!.request('workspace/executeCommand', {
            command: action.command!.command,
            arguments: action.command!.arguments,
          });
          expect(applied.length, `${action.title}: the server asked the editor to apply an edit`).toBe(before + 1);
          expect(applyTextEdits(text, editsFor(applied.at(-1)!, uri)), action.title).toBe(entry.output);
          checkedEdits++;
        }

        // "Show documentation" asks the editor to open the rule's page.
        const docs = actions.find((action) => action.title === `Show documentation for ${ruleId}`)!;
        const requestsBefore = client!.serverRequests.length;
        await client!.request('workspace/executeCommand', {
          command: docs.command!.command,
          arguments: docs.command!.arguments,
        });
        const opened = client!.serverRequests
          .slice(requestsBefore)
          .find((request) => request.method === 'eslint/openDoc');
        expect((opened?.params as { url?: string } | undefined)?.url, `${ruleId}: docs link`).toBe(
          expectedDiagnostic(plugin, message).href,
        );
      }
      client!.notify('textDocument/didClose', { textDocument: { uri } });
    }
    expect(checkedEdits).toBe(expectedEdits);

    // Not an empty comparison: every recommended rule that the fixture marks was shown.
    const recommended = new Set(Object.keys(plugin.configs.recommended.rules ?? {}));
    const marked = files.flatMap((file) =>
      markedProblems(readFileSync(join(workspace, file), 'utf8')).map((problem) => problem.ruleId),
    );
    const wanted = [...new Set(marked)].filter((ruleId) => recommended.has(ruleId)).sort();
    expect(wanted.length).toBeGreaterThan(0);
    expect([...seenRules].sort()).toEqual(wanted);
  });
});
