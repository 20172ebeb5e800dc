/**
 * Loads the project to audit: a `tsconfig.json` (given, or found in the folder) or a folder of JS/TS files.
 *
 * The ts-morph program is built for symbol resolution between the project's own files only: `noResolve` and
 * `noLib` keep `node_modules` declarations and the standard library out of it (LiveKit APIs are recognised from
 * their import specifiers, see model.ts), which makes a project load in a fraction of a second instead of
 * parsing the SDK's hundreds of declaration files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Project, type SourceFile, ts } from 'ts-morph';
import { AuditInputError } from './errors.js';

/** The project's files, found from its tsconfig or its folder, before anything is parsed. */
export interface ProjectListing {
  /** The folder every reported path is relative to. */
  root: string;
  tsconfig: string | null;
  fileNames: string[];
  options: ts.CompilerOptions;
  notes: string[];
}

export interface LoadedProject {
  root: string;
  tsconfig: string | null;
  project: Project;
  /** Files that make up the agent (everything that is not a test file). */
  sourceFiles: SourceFile[];
  /** Test files: `*.test.*`, `*.spec.*`, or files under a `test`, `tests` or `__tests__` folder. */
  testFiles: SourceFile[];
  /** Things worth telling the user that do not stop the audit. */
  notes: string[];
}

const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', 'out']);
const TEST_FILE = /\.(?:test|spec)\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_DIRECTORY = /(?:^|\/)(?:tests?|__tests__)\//;

/** Options that make the program cover the project's own files only (see the module comment). */
const RESOLUTION_OPTIONS: ts.CompilerOptions = {
  noResolve: true,
  noLib: true,
  types: [],
  allowJs: true,
  noEmit: true,
  skipLibCheck: true,
};

export function isTestFile(root: string, file: string): boolean {
  const path = relative(root, file).split(sep).join('/');
  return TEST_FILE.test(path) || TEST_DIRECTORY.test(path);
}

/** Every JS/TS file under `folder`, skipping dependencies, build output and hidden folders. */
function codeFiles(folder: string): string[] {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(path);
      } else if (entry.isFile() && CODE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) {
        files.push(path);
      }
    }
  }
  return files.sort();
}

function diagnosticText(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`;
  }
  return message;
}

/** Reads a tsconfig the way `tsc` does; syntax errors, a missing `extends` and an empty file list are fatal. */
function readTsconfig(path: string): { options: ts.CompilerOptions; fileNames: string[]; notes: string[] } {
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) throw new AuditInputError(`cannot read ${path}: ${diagnosticText(read.error)}`);
  if (typeof read.config !== 'object' || read.config === null || Array.isArray(read.config)) {
    throw new AuditInputError(`cannot read ${path}: the file must contain a JSON object`);
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(path), undefined, path);
  const notes: string[] = [];
  for (const error of parsed.errors) {
    if (error.category !== ts.DiagnosticCategory.Error) continue;
    // 18003: no inputs; 5083/6053/18001: an `extends` (or referenced) file cannot be read.
    if (error.code === 18003) {
      throw new AuditInputError(`${path} matches no source files (check its "include", "files" and "exclude")`);
    }
    if (error.code === 5083 || error.code === 6053 || error.code === 18001) {
      throw new AuditInputError(`cannot read ${path}: ${diagnosticText(error)}`);
    }
    notes.push(`${basename(path)}: ${diagnosticText(error)}`);
  }
  return { options: parsed.options, fileNames: parsed.fileNames.filter((file) => !DECLARATION_FILE.test(file)), notes };
}

/**
 * Lists the files of `target` (a folder, or a tsconfig JSON file). Throws AuditInputError for a missing path, a
 * broken tsconfig and a folder with no JS/TS files.
 */
export function listProject(target: string, cwd = process.cwd()): ProjectListing {
  const absolute = resolve(cwd, target);
  if (!existsSync(absolute)) throw new AuditInputError(`no such file or folder: ${target}`);
  let tsconfig: string | null = null;
  let root = absolute;
  if (statSync(absolute).isFile()) {
    if (!absolute.endsWith('.json')) {
      throw new AuditInputError(`${target} is a file: give the project folder or its tsconfig.json`);
    }
    tsconfig = absolute;
    root = dirname(absolute);
  } else if (existsSync(join(absolute, 'tsconfig.json'))) {
    tsconfig = join(absolute, 'tsconfig.json');
  }

  const notes: string[] = [];
  let fileNames: string[];
  let options: ts.CompilerOptions = {};
  if (tsconfig) {
    const config = readTsconfig(tsconfig);
    options = config.options;
    notes.push(...config.notes);
    // Test files are often left out of the build's tsconfig; the audit needs them, so add those in the folder.
    const listed = new Set(config.fileNames.map((file) => resolve(file)));
    fileNames = [...listed];
    for (const file of codeFiles(root)) if (isTestFile(root, file) && !listed.has(file)) fileNames.push(file);
  } else {
    fileNames = codeFiles(root);
    if (fileNames.length === 0) throw new AuditInputError(`no JavaScript or TypeScript files in ${target}`);
  }
  return { root, tsconfig, fileNames, options, notes };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses the listed files into one ts-morph program. Throws AuditInputError when no file imports LiveKit Agents
 * (`@livekit/agents`, a plugin, or one of the `importSources` of the project's ESLint settings).
 */
export function openProject(
  listing: ProjectListing,
  target: string,
  importSources: readonly string[] = [],
): LoadedProject {
  const { root, tsconfig, fileNames, options, notes } = listing;
  const project = new Project({
    compilerOptions: { ...options, ...RESOLUTION_OPTIONS },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  for (const file of fileNames) project.addSourceFileAtPath(file);
  const all = project.getSourceFiles();
  const sources = ['@livekit/agents(?:-plugin-[\\w.-]+)?', ...importSources.map(escapeRegExp)];
  const liveKitImport = new RegExp(`['"](?:${sources.join('|')})['"]`);
  if (!all.some((file) => liveKitImport.test(file.getFullText()))) {
    const wrappers =
      importSources.length > 0 ? ` or ${importSources.map((source) => `'${source}'`).join(', ')} (importSources)` : '';
    throw new AuditInputError(
      `no LiveKit Agents code in ${target}: none of its ${all.length} JS/TS files imports '@livekit/agents'${wrappers ? ',' : ' or'} an '@livekit/agents-plugin-*' package${wrappers}`,
    );
  }
  const testFiles = all.filter((file) => isTestFile(root, file.getFilePath()));
  const sourceFiles = all.filter((file) => !testFiles.includes(file));
  return { root, tsconfig, project, sourceFiles, testFiles, notes };
}
