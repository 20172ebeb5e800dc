/**
 * The import-form generator is checked against the plugin's own import resolution: in every form it says binds
 * the SDK, the model resolves each spelled reference to the placeholder's path; in every form it says does not,
 * nothing resolves.
 */
import { describe, expect, it } from 'vitest';
import {
  IGNORED_FORMS,
  REPORTED_FORMS,
  apisOf,
  renderForm,
  reportedInEveryImportForm,
  validInEveryImportForm,
} from './import-forms.js';
import { withModel } from './model.js';

const SNIPPET = 'const agent = new {{voice.Agent}}({ tools: [{{llm.tool}}({})] }, {{silero:VAD.load}}());\n';

/** How many references of each path the file's LiveKit model sees (0 when the file has no model). */
function usages(code: string, paths: readonly string[], sourceType: 'module' | 'script') {
  return withModel(code, (model) => paths.map((path) => model?.imports.usages(path).length ?? 0), { sourceType });
}

describe('renderForm', () => {
  it('spells the APIs as each form imports them', () => {
    const snippet = 'new {{voice.Agent}}();\n';
    const codes = Object.fromEntries(
      [...REPORTED_FORMS, ...IGNORED_FORMS].map((form) => [form, renderForm(snippet, form)!.code]),
    );
    expect(codes).toEqual({
      named: "import { voice } from '@livekit/agents';\nnew voice.Agent();\n",
      aliased: "import { voice as lkVoice } from '@livekit/agents';\nnew lkVoice.Agent();\n",
      namespace: "import * as agents from '@livekit/agents';\nnew agents.voice.Agent();\n",
      flat: "import { Agent } from '@livekit/agents';\nnew Agent();\n",
      'flat-aliased': "import { Agent as LkAgent } from '@livekit/agents';\nnew LkAgent();\n",
      require: "const { voice } = require('@livekit/agents');\nnew voice.Agent();\n",
      shadowed:
        "import { voice } from '@livekit/agents';\nexport async function shadowed(voice: any) {\nnew voice.Agent();\n}\n",
      'other-package':
        "import { llm } from '@livekit/agents';\nimport { voice } from 'not-livekit-sdk';\nnew voice.Agent();\n",
      'type-only':
        "import { llm } from '@livekit/agents';\nimport type { voice } from '@livekit/agents';\nnew voice.Agent();\n",
      'no-livekit': 'new voice.Agent();\n',
    });
  });

  it.each(REPORTED_FORMS)('%s: every reference resolves to its path', (form) => {
    const rendered = renderForm(SNIPPET, form)!;
    const sourceType = form === 'require' ? 'script' : 'module';
    expect(usages(rendered.code, apisOf(SNIPPET), sourceType)).toEqual([1, 1, 1]);
  });

  it.each(IGNORED_FORMS)('%s: no reference resolves to the SDK', (form) => {
    const rendered = renderForm(SNIPPET, form)!;
    expect(usages(rendered.code, apisOf(SNIPPET), 'module')).toEqual([0, 0, 0]);
  });

  it('has no flat forms when no API has a flat export', () => {
    expect(renderForm('{{silero:VAD.load}}();\n', 'flat')).toBeNull();
    expect(renderForm('{{silero:VAD.load}}();\n', 'flat-aliased')).toBeNull();
    // `llm.tool` is exported flat as `tool`, and `voice.Agent.create` through `Agent`.
    expect(renderForm('{{llm.tool}}({});\n', 'flat')!.code).toContain('import { tool }');
    expect(renderForm('{{voice.Agent.create}}({});\n', 'flat-aliased')!.code).toContain('LkAgent.create({})');
  });

  it('moves positions past the import lines and the longer or shorter spellings before them', () => {
    // Named rendering: `x({{voice.Agent}}, {{voice.Agent}}, 'TODO')` → `x(voice.Agent, voice.Agent, 'TODO')`.
    const snippet = "x({{voice.Agent}}, {{voice.Agent}}, 'TODO');\n";
    const namespace = renderForm(snippet, 'namespace')!;
    expect(namespace.code.split('\n')[1]).toBe("x(agents.voice.Agent, agents.voice.Agent, 'TODO');");
    // 'TODO' starts at column 29 in the named rendering; each `agents.` before it adds 7.
    expect(namespace.position(1, 29)).toEqual({ line: 2, column: 43 });
    // The second reference starts where the first one's end moved to, and ends moved by both.
    expect(namespace.position(1, 16)).toEqual({ line: 2, column: 23 });
    expect(namespace.position(1, 27)).toEqual({ line: 2, column: 41 });
    // A column before any placeholder does not move.
    expect(renderForm(snippet, 'flat')!.position(1, 2)).toEqual({ line: 2, column: 2 });
  });

  it('refuses snippets it cannot render faithfully', () => {
    expect(() => renderForm('x();\n', 'named')).toThrow(/names no SDK API/);
    expect(() => renderForm('new {{Agent}}();\n', 'named')).toThrow(/\{\{voice\.Agent\}\}/);
    expect(() => renderForm('export default {{voice.Agent}};\n', 'shadowed')).toThrow(/import\/export/);
  });
});

describe('case lists', () => {
  it('one invalid case per binding form and one valid case per non-binding form, errors moved', () => {
    const cases = reportedInEveryImportForm({
      name: 'placeholder',
      code: "new {{voice.Agent}}({ instructions: 'TODO' });\n",
      errors: [{ messageId: 'placeholder', line: 1, column: 33, endColumn: 39 }],
      output: "new {{voice.Agent}}({ instructions: 'Book tables.' });\n",
    });
    expect(cases.invalid.map((item) => item.name)).toEqual([
      'placeholder [ESM named import]',
      'placeholder [aliased import]',
      'placeholder [namespace import]',
      'placeholder [flat named import]',
      'placeholder [aliased flat import]',
      'placeholder [CommonJS require]',
    ]);
    expect(cases.valid).toHaveLength(IGNORED_FORMS.length);
    const flat = cases.invalid.find((item) => item.name?.includes('flat named'))!;
    expect(flat.errors).toEqual([{ messageId: 'placeholder', line: 2, column: 27, endColumn: 33 }]);
    expect(flat.output).toBe(
      "import { Agent } from '@livekit/agents';\nnew Agent({ instructions: 'Book tables.' });\n",
    );
    const commonJs = cases.invalid.find((item) => item.name?.includes('CommonJS'))!;
    expect(commonJs.languageOptions).toEqual({ parserOptions: { sourceType: 'script' } });
  });

  it('valid cases in every binding form, and only the forms asked for', () => {
    expect(validInEveryImportForm({ name: 'ok', code: '{{silero:VAD.load}}();\n' }).map((item) => item.name)).toEqual([
      'ok [ESM named import]',
      'ok [aliased import]',
      'ok [namespace import]',
      'ok [CommonJS require]',
    ]);
    const only = reportedInEveryImportForm({
      name: 'x',
      code: 'export default {{voice.Agent}};\n',
      errors: [{ messageId: 'x' }],
      forms: ['named', 'no-livekit'],
    });
    expect([...only.invalid, ...only.valid].map((item) => item.name)).toEqual([
      'x [ESM named import]',
      'x [file without LiveKit imports]',
    ]);
  });
});
