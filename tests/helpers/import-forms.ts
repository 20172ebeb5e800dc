/**
 * The import-form cases every rule test needs, generated from one snippet instead of pasted per form.
 *
 * A snippet names each SDK API it uses by its canonical path in double braces: `new {{voice.Agent}}({...})`,
 * `await {{silero:VAD.load}}()`. Each import form renders the snippet with its own import lines and its own
 * spelling of every placeholder:
 *
 *   named          import { voice } from '@livekit/agents';                 voice.Agent
 *   aliased        import { voice as lkVoice } from '@livekit/agents';      lkVoice.Agent
 *   namespace      import * as agents from '@livekit/agents';               agents.voice.Agent
 *   flat           import { Agent } from '@livekit/agents';                 Agent           (when a flat export exists)
 *   flat-aliased   import { Agent as LkAgent } from '@livekit/agents';      LkAgent         (when a flat export exists)
 *   require        const { voice } = require('@livekit/agents');            voice.Agent     (a CommonJS script)
 *
 * and the forms where the same text must NOT be taken for the SDK:
 *
 *   shadowed       the named imports, with the snippet inside a function whose parameters shadow them
 *   other-package  the same names imported from another package (next to an unrelated LiveKit import)
 *   type-only      `import type { voice }` (next to an unrelated LiveKit import)
 *   no-livekit     no import at all: the file has no LiveKit code
 *
 * Positions in `errors` are written against the `named` rendering of the snippet, as if it were the whole file:
 * lines are moved down past each form's import lines, and columns are moved by the length of the placeholders
 * before them on their line, so every form asserts exact positions.
 */
import type { InvalidTestCase, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import { CORE_MODULE, canonicalPath } from '../../src/livekit/imports.js';

export type ReportedForm = 'named' | 'aliased' | 'namespace' | 'flat' | 'flat-aliased' | 'require';
export type IgnoredForm = 'shadowed' | 'other-package' | 'type-only' | 'no-livekit';
export type ImportForm = ReportedForm | IgnoredForm;

export const REPORTED_FORMS: readonly ReportedForm[] = [
  'named',
  'aliased',
  'namespace',
  'flat',
  'flat-aliased',
  'require',
];
export const IGNORED_FORMS: readonly IgnoredForm[] = ['shadowed', 'other-package', 'type-only', 'no-livekit'];

const FORM_LABELS: Readonly<Record<ImportForm, string>> = {
  named: 'ESM named import',
  aliased: 'aliased import',
  namespace: 'namespace import',
  flat: 'flat named import',
  'flat-aliased': 'aliased flat import',
  require: 'CommonJS require',
  shadowed: 'a local shadows the import',
  'other-package': 'same names imported from another package',
  'type-only': 'type-only import',
  'no-livekit': 'file without LiveKit imports',
};

/** The package the `other-package` form imports the same names from. */
export const OTHER_PACKAGE = 'not-livekit-sdk';
const PLUGIN_PREFIX = '@livekit/agents-plugin-';
const PLACEHOLDER = /\{\{(?:([a-z][\w-]*):)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}\}/g;

/** One SDK API a snippet names. */
interface Api {
  /** The canonical path, as written in the placeholder: 'voice.Agent', 'silero:VAD.load'. */
  path: string;
  /** The module specifier: '@livekit/agents' or '@livekit/agents-plugin-<name>'. */
  source: string;
  /** The path inside the module, split: ['voice', 'Agent'], ['VAD', 'load']. */
  segments: string[];
  /** The flat export that stands for the first segments (`Agent` for 'voice.Agent'), with what follows it. */
  flat: { name: string; rest: string } | null;
}

function parseApi(module: string | undefined, rawPath: string): Api {
  const segments = rawPath.split('.');
  if (module !== undefined) {
    return { path: `${module}:${rawPath}`, source: `${PLUGIN_PREFIX}${module}`, segments, flat: null };
  }
  const canonical = canonicalPath('core', rawPath);
  if (canonical !== rawPath) {
    throw new Error(`{{${rawPath}}}: write the canonical path {{${canonical}}} (each form spells it its own way)`);
  }
  // `Agent` is exported flat as well as under `voice`: the SDK's own mapping (canonicalPath) says which names are.
  let flat: Api['flat'] = null;
  if (segments.length > 1 && canonicalPath('core', segments[1]!) === `${segments[0]}.${segments[1]}`) {
    flat = { name: segments[1]!, rest: segments.slice(2).join('.') };
  }
  return { path: rawPath, source: CORE_MODULE, segments, flat };
}

/** The SDK APIs named in a snippet, in order of first use. */
export function apisOf(snippet: string): string[] {
  const paths: string[] = [];
  for (const match of snippet.matchAll(PLACEHOLDER)) {
    const path = match[1] === undefined ? match[2]! : `${match[1]}:${match[2]}`;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}

const capitalise = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const join = (head: string, rest: string) => (rest === '' ? head : `${head}.${rest}`);

/** The name a namespace import of `source` gets: `agents` for the core, the plugin's name (`silero`) otherwise. */
function namespaceName(source: string): string {
  if (source === CORE_MODULE) return 'agents';
  return source.slice(PLUGIN_PREFIX.length).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** How one form imports the APIs and spells each of them. */
interface Spelling {
  lines: string[];
  spell: (api: Api) => string;
  /** Local names a `shadowed` wrapper must declare as parameters. */
  locals: string[];
}

/** One line per module, in first-use order: `import { a, b } from 'm';` unless `line` writes it another way. */
function importLines(
  apis: readonly Api[],
  specifier: (api: Api) => string,
  line = (names: string, source: string) => `import { ${names} } from '${source}';`,
): string[] {
  const bySource = new Map<string, string[]>();
  for (const api of apis) {
    const names = bySource.get(api.source) ?? [];
    const name = specifier(api);
    if (!names.includes(name)) names.push(name);
    bySource.set(api.source, names);
  }
  return [...bySource].map(([source, names]) => line(names.join(', '), source));
}

/** A LiveKit import that none of the snippet's names collide with, so that the file still has LiveKit code. */
function unrelatedLiveKitImport(apis: readonly Api[]): string {
  const taken = new Set(apis.map((api) => api.segments[0]));
  const name = ['voice', 'llm', 'log'].find((candidate) => !taken.has(candidate))!;
  return `import { ${name} } from '${CORE_MODULE}';`;
}

function spelling(form: ImportForm, apis: readonly Api[]): Spelling | null {
  const head = (api: Api) => api.segments[0]!;
  const rest = (api: Api) => api.segments.slice(1).join('.');
  const named: Spelling = {
    lines: importLines(apis, head),
    spell: (api) => api.segments.join('.'),
    locals: [...new Set(apis.map(head))],
  };
  switch (form) {
    case 'named':
    case 'shadowed':
      return named;
    case 'aliased': {
      const alias = (api: Api) => `lk${capitalise(head(api))}`;
      return {
        lines: importLines(apis, (api) => `${head(api)} as ${alias(api)}`),
        spell: (api) => join(alias(api), rest(api)),
        locals: [],
      };
    }
    case 'namespace': {
      const sources = [...new Set(apis.map((api) => api.source))];
      return {
        lines: sources.map((source) => `import * as ${namespaceName(source)} from '${source}';`),
        spell: (api) => `${namespaceName(api.source)}.${api.segments.join('.')}`,
        locals: [],
      };
    }
    case 'flat':
    case 'flat-aliased': {
      // Only when some API has a flat export; the others keep their named import.
      if (!apis.some((api) => api.flat)) return null;
      const local = (api: Api) => (form === 'flat' ? api.flat!.name : `Lk${api.flat!.name}`);
      return {
        lines: importLines(apis, (api) =>
          !api.flat ? head(api) : form === 'flat' ? api.flat.name : `${api.flat.name} as ${local(api)}`,
        ),
        spell: (api) => (api.flat ? join(local(api), api.flat.rest) : api.segments.join('.')),
        locals: [],
      };
    }
    case 'require':
      return {
        lines: importLines(apis, head, (names, source) => `const { ${names} } = require('${source}');`),
        spell: named.spell,
        locals: [],
      };
    case 'other-package':
      return {
        lines: [unrelatedLiveKitImport(apis), `import { ${named.locals.join(', ')} } from '${OTHER_PACKAGE}';`],
        spell: named.spell,
        locals: [],
      };
    case 'type-only':
      return {
        lines: [
          unrelatedLiveKitImport(apis),
          ...importLines(apis, head, (names, source) => `import type { ${names} } from '${source}';`),
        ],
        spell: named.spell,
        locals: [],
      };
    case 'no-livekit':
      return { lines: [], spell: named.spell, locals: [] };
  }
}

/** A placeholder on a line of the snippet: where it starts in the `named` rendering, and its lengths. */
interface Placed {
  line: number;
  namedStart: number;
  namedLength: number;
  formLength: number;
}

export interface RenderedForm {
  form: ImportForm;
  code: string;
  /** How many lines come before the snippet's first line. */
  lineOffset: number;
  /** Maps a 1-based (line, column) of the `named` rendering of the snippet to this form's file. */
  position(line: number, column: number): { line: number; column: number };
}

function placeholders(snippet: string, apis: ReadonlyMap<string, Api>, spell: (api: Api) => string) {
  const named = spelling('named', [...apis.values()])!;
  const placed: Placed[] = [];
  const lines = snippet.split('\n').map((text, index) => {
    let shift = 0;
    return text.replace(PLACEHOLDER, (whole, module: string | undefined, rawPath: string, offset: number) => {
      const api = apis.get(module === undefined ? rawPath : `${module}:${rawPath}`)!;
      const namedText = named.spell(api);
      const formText = spell(api);
      // `offset` is in the template line; the named rendering has replaced the placeholders before this one.
      placed.push({
        line: index + 1,
        namedStart: offset + shift,
        namedLength: namedText.length,
        formLength: formText.length,
      });
      shift += namedText.length - whole.length;
      return formText;
    });
  });
  return { text: lines.join('\n'), placed };
}

/** True when the snippet has top-level `import`/`export` statements, which cannot move into a function. */
function hasModuleStatements(snippet: string): boolean {
  return /^(?:import|export)\b/m.test(snippet);
}

/**
 * The snippet rendered in one form, or null when the form does not apply (no flat export among its APIs).
 * Throws when the snippet names no API, uses a non-canonical path, or cannot be wrapped for `shadowed`.
 */
export function renderForm(snippet: string, form: ImportForm): RenderedForm | null {
  const paths = apisOf(snippet);
  if (paths.length === 0) throw new Error(`the snippet names no SDK API ({{voice.Agent}}): ${snippet}`);
  const apis = new Map(
    paths.map((path) => {
      const colon = path.indexOf(':');
      return [path, colon === -1 ? parseApi(undefined, path) : parseApi(path.slice(0, colon), path.slice(colon + 1))];
    }),
  );
  const chosen = spelling(form, [...apis.values()]);
  if (!chosen) return null;
  const { text, placed } = placeholders(snippet, apis, chosen.spell);
  const body = text.endsWith('\n') ? text : `${text}\n`;
  let code: string;
  if (form === 'shadowed') {
    if (hasModuleStatements(snippet)) {
      throw new Error(
        "the 'shadowed' form wraps the snippet in a function, which cannot hold import/export statements: " +
          'leave it out of `forms` and write that case by hand',
      );
    }
    const parameters = chosen.locals.map((name) => `${name}: any`).join(', ');
    code = [...chosen.lines, `export async function shadowed(${parameters}) {`, body + '}', ''].join('\n');
  } else {
    code = [...chosen.lines, body].join('\n');
  }
  const lineOffset = chosen.lines.length;
  return {
    form,
    code,
    lineOffset,
    position(line, column) {
      let shifted = column;
      for (const item of placed) {
        if (item.line === line && item.namedStart + item.namedLength <= column - 1)
          shifted += item.formLength - item.namedLength;
      }
      return { line: line + lineOffset, column: shifted };
    },
  };
}

/** Per-case parser options: CommonJS is a script, everything else a module. */
function languageOptionsFor(form: ImportForm): ValidTestCase<[]>['languageOptions'] | undefined {
  return form === 'require' ? { parserOptions: { sourceType: 'script' } } : undefined;
}

function caseName(name: string, rendered: RenderedForm): string {
  return `${name} [${FORM_LABELS[rendered.form]}]`;
}

interface CaseSpec<Options extends readonly unknown[]> {
  /** What the snippet shows; each case is named `<name> [<form>]`. */
  name: string;
  /** The snippet, with `{{<canonical path>}}` where it names an SDK API. */
  code: string;
  options?: Options;
  settings?: ValidTestCase<Options>['settings'];
  filename?: string;
}

export interface ReportedSpec<MessageIds extends string, Options extends readonly unknown[]> extends CaseSpec<Options> {
  /** Expected errors, positions against the `named` rendering of the snippet alone. */
  errors: readonly TestCaseError<MessageIds>[];
  /**
   * The fixed snippet, when the rule has an autofix: rendered in each form like `code` (a fix that edits the imports
   * themselves differs per form: write those cases by hand). Suggestion outputs in `errors` are rendered the same way.
   */
  output?: string;
  /** The forms to generate; all by default. */
  forms?: readonly ImportForm[];
}

function common<Options extends readonly unknown[]>(spec: CaseSpec<Options>, rendered: RenderedForm) {
  const languageOptions = languageOptionsFor(rendered.form);
  return {
    name: caseName(spec.name, rendered),
    code: rendered.code,
    ...(spec.options ? { options: spec.options } : {}),
    ...(spec.settings ? { settings: spec.settings } : {}),
    ...(spec.filename ? { filename: spec.filename } : {}),
    ...(languageOptions ? { languageOptions } : {}),
  };
}

function renderAll(snippet: string, forms: readonly ImportForm[]): RenderedForm[] {
  return forms.map((form) => renderForm(snippet, form)).filter((rendered) => rendered !== null);
}

function moveError<MessageIds extends string>(
  error: TestCaseError<MessageIds>,
  rendered: RenderedForm,
  render: (snippet: string) => string,
): TestCaseError<MessageIds> {
  const moved: { -readonly [K in keyof TestCaseError<MessageIds>]: TestCaseError<MessageIds>[K] } = { ...error };
  if (error.line !== undefined) {
    const start = rendered.position(error.line, error.column ?? 1);
    moved.line = start.line;
    if (error.column !== undefined) moved.column = start.column;
  }
  if (error.endLine !== undefined) {
    const end = rendered.position(error.endLine, error.endColumn ?? 1);
    moved.endLine = end.line;
    if (error.endColumn !== undefined) moved.endColumn = end.column;
  } else if (error.endColumn !== undefined && error.line !== undefined) {
    moved.endColumn = rendered.position(error.line, error.endColumn).column;
  }
  if (error.suggestions) {
    moved.suggestions = error.suggestions.map((suggestion) => ({ ...suggestion, output: render(suggestion.output) }));
  }
  return moved;
}

/**
 * A snippet the rule reports: an invalid case in each form that binds the SDK, and a valid case in each form where
 * the same text is not the SDK (shadowed, another package, type-only, no LiveKit import).
 */
export function reportedInEveryImportForm<MessageIds extends string, Options extends readonly unknown[] = []>(
  spec: ReportedSpec<MessageIds, Options>,
): { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } {
  const forms = spec.forms ?? [...REPORTED_FORMS, ...IGNORED_FORMS];
  const reported = renderAll(
    spec.code,
    forms.filter((form): form is ReportedForm => (REPORTED_FORMS as readonly string[]).includes(form)),
  );
  const ignored = renderAll(
    spec.code,
    forms.filter((form): form is IgnoredForm => (IGNORED_FORMS as readonly string[]).includes(form)),
  );
  return {
    invalid: reported.map((rendered) => {
      const render = (snippet: string) => renderForm(snippet, rendered.form)!.code;
      return {
        ...common(spec, rendered),
        errors: spec.errors.map((error) => moveError(error, rendered, render)),
        ...(spec.output !== undefined ? { output: render(spec.output) } : {}),
      };
    }),
    valid: ignored.map((rendered) => common(spec, rendered)),
  };
}

/** A snippet the rule accepts: a valid case in each form that binds the SDK (the others are valid trivially). */
export function validInEveryImportForm<Options extends readonly unknown[] = []>(
  spec: CaseSpec<Options>,
): ValidTestCase<Options>[] {
  return renderAll(spec.code, REPORTED_FORMS).map((rendered) => common(spec, rendered));
}
