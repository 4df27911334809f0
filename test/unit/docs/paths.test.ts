// Every repository path the README and docs/ name in backticks exists, so the docs stay true when files move.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** Top-level folders a path must start with to be checked (build output such as dist/ is not in a clone). */
const TOP_FOLDERS = ['src', 'types', 'cloudfunctions', 'emulator', 'scripts', 'test', 'bench', 'docs', 'config'];
/** A bare file name with one of these extensions names a file at the root (`cloudbaserc.json`); `plan.ts` does not. */
const ROOT_FILE = /^[A-Za-z0-9_.-]+\.(json|js|cjs|mjs|md|sh)$/;
/** Placeholders and globs are not paths: `cloudfunctions/<fn>/index.ts`, `cloudfunctions/*`, `common/{app,db}`. */
const PLACEHOLDER = /[<>*{}…?|]|\.\.\./;

/** Backticked spans outside fenced code blocks. */
function backticked(markdown: string): string[] {
  const prose = markdown.replace(/^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?^[ \t]*\1[^\n]*$/gm, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
}

/** The spans that name a repository path, each as a path relative to the root. */
function repoPaths(spans: readonly string[]): string[] {
  return spans
    .filter((s) => !/\s/.test(s) && !PLACEHOLDER.test(s))
    .filter((s) => TOP_FOLDERS.some((f) => s.startsWith(`${f}/`)) || ROOT_FILE.test(s));
}

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(full);
    return e.name.endsWith('.md') ? [full] : [];
  });
}

const docs = [path.join(ROOT, 'README.md'), ...markdownFiles(path.join(ROOT, 'docs'))];

describe('the path matcher', () => {
  it('takes repository paths and root files, and leaves commands, placeholders, globs and names alone', () => {
    const text = [
      'see `src/services/cloud.ts`, `docs/`, `cloudbaserc.json` and `.dependency-cruiser.cjs`',
      'not `cloudfunctions/<fn>/index.ts`, `cloudfunctions/*/index.js`, `common/{app,db}`, `docs/...`',
      'nor `npm run deploy -- --dry-run`, `org.get`, `plan.ts`, `domain/geo.ts`, `/_dev/sms?phone=`, `dist/weapp/`, `emulator`',
      '```',
      '`types/in-a-fence.ts`',
      '```',
      '   ```',
      '   `types/in-an-indented-fence.ts`',
      '   ```',
    ].join('\n');
    expect(repoPaths(backticked(text))).toEqual(['src/services/cloud.ts', 'docs/', 'cloudbaserc.json', '.dependency-cruiser.cjs']);
  });
});

describe('paths named in the docs', () => {
  it('reads the README and the docs folder', () => {
    expect(docs.map((f) => path.relative(ROOT, f))).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/API.md']));
    expect(repoPaths(backticked(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))).length).toBeGreaterThan(5);
  });

  it.each(docs.map((f) => [path.relative(ROOT, f), f]))('%s names only paths that exist', (_name, file) => {
    const missing = repoPaths(backticked(fs.readFileSync(file, 'utf8'))).filter((p) => !fs.existsSync(path.join(ROOT, p.split('#')[0])));
    expect(missing).toEqual([]);
  });
});
