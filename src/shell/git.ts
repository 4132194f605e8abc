/**
 * An earlier version of a deck, read from git (`--since <revision>`): the deck file and the
 * deck folder's other files as they were in that commit. git runs as a child process with its
 * arguments as a list (never through a shell), and only plumbing commands that print what is
 * stored (rev-parse, ls-tree, cat-file, log): no filters or text conversions of the user's git
 * configuration run. What cannot be answered (no git, not a repository, an unknown revision, a
 * deck that did not exist then) is a one-line `git` error (exit code 2: `--since` cannot be used
 * as given).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { TalkdeckError } from '../core/base/errors.js';
import { suggest } from '../core/base/suggest.js';

/** A commit, as the change report names it. */
export interface Revision {
  commit: string;
  /** Commit date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
}

/** A deck folder as stored in one commit. */
export interface TreeAtRevision {
  revision: Revision;
  /** The deck file's path in the repository (`content/x/deck.yaml`), for messages. */
  path: string;
  /** The deck file's bytes. */
  deck: Uint8Array;
  /** Files of the deck folder by path relative to it, with their blob hashes (links left out). */
  files: Map<string, string>;
  /** A file of the deck folder at that revision. */
  read(relativePath: string): Uint8Array;
}

/** Output of one git command; git's own message in the error when it fails. */
function git(cwd: string, args: string[]): { ok: boolean; stdout: Buffer; stderr: string } {
  const run = spawnSync('git', args, {
    cwd,
    maxBuffer: 256 * 1024 * 1024,
    // No prompts, no locks taken for a read, folder names taken literally (not as globs), and
    // messages in English, the language they are recognised in.
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', LANG: 'C' },
  });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw gitError(
      missing
        ? 'git is not installed (or not on PATH): --since reads the earlier version with git; install git, or compare two files: talkdeck diff old.yaml new.yaml'
        : `git could not be started: ${run.error.message}`,
    );
  }
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

const gitError = (message: string): TalkdeckError => new TalkdeckError({ code: 'git', message });
const firstLine = (text: string): string => text.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') ?? '';
const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * The deck file and its folder as they were at `ref` (a commit, tag, branch, `HEAD~1` …) in the
 * repository the deck lies in. `shownAs` is the deck file as the user sees it, for messages.
 */
export function treeAtRevision(deckFile: string, ref: string, shownAs: string): TreeAtRevision {
  // A revision is never an option: `--output=…` must not reach git as one.
  if (ref.startsWith('-') || ref.includes('\0') || ref.trim() === '') {
    throw gitError(`\`${ref}\` is not a git revision: name a commit, tag or branch, e.g. --since HEAD~1 or --since v1-approved`);
  }
  const dir = dirname(deckFile);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    const reason = firstLine(top.stderr);
    throw gitError(
      /not a git repository/i.test(reason)
        ? `${shownAs} is not in a git repository, so --since has no earlier version to read; compare two files instead: talkdeck diff old.yaml new.yaml`
        : `git cannot read the repository of ${shownAs}: ${reason}`,
    );
  }
  const root = realpathSync(top.stdout.toString('utf8').trim());
  const commit = resolveRevision(dir, ref);
  const path = toPosix(relative(root, realpathSync(deckFile)));
  const folder = toPosix(relative(root, realpathSync(dir)));
  const files = listTree(dir, commit, folder);
  const deckName = folder ? path.slice(folder.length + 1) : path;
  const blob = files.get(deckName);
  const revision = describe(dir, commit);
  if (!blob) {
    throw gitError(
      `${path} did not exist at ${ref} (${revision.commit.slice(0, 7)}, ${revision.date}): the deck is newer or was moved since; name a revision that has it, or compare two files: talkdeck diff old.yaml new.yaml`,
    );
  }
  const read = (rel: string): Uint8Array => {
    const hash = files.get(rel);
    if (!hash) throw gitError(`${folder ? `${folder}/` : ''}${rel} did not exist at ${ref}`);
    const out = git(dir, ['cat-file', 'blob', hash]);
    if (!out.ok) throw gitError(`git could not read ${rel} at ${ref}: ${firstLine(out.stderr)}`);
    return out.stdout;
  };
  return { revision, path, deck: read(deckName), files, read };
}

/** The commit a revision names; an unknown one is an error with the closest branch or tag. */
function resolveRevision(dir: string, ref: string): string {
  const found = git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (found.ok) return found.stdout.toString('utf8').trim();
  const refs = git(dir, ['for-each-ref', '--format=%(refname:short)', 'refs/tags', 'refs/heads']);
  const names = refs.ok ? refs.stdout.toString('utf8').split('\n').filter(Boolean) : [];
  const guess = suggest(ref, names);
  const head = git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  const why = !head.ok ? ' (the repository has no commits yet)' : guess ? ` (did you mean \`${guess}\`?)` : names.length ? ` (tags and branches: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''})` : '';
  throw gitError(`Unknown git revision \`${ref}\`${why}`);
}

/** The deck folder's files at a commit: path relative to the folder → blob hash. */
function listTree(dir: string, commit: string, folder: string): Map<string, string> {
  const out = git(dir, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder || '.']);
  if (!out.ok) throw gitError(`git could not list ${folder || 'the repository'} at ${commit.slice(0, 7)}: ${firstLine(out.stderr)}`);
  const files = new Map<string, string>();
  for (const entry of out.stdout.toString('utf8').split('\0')) {
    // "<mode> <type> <hash>\t<path>"; links (120000) and submodules are not files of the deck.
    const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(entry);
    if (!m || m[2] !== 'blob' || m[1] === '120000') continue;
    files.set(folder ? m[4]!.slice(folder.length + 1) : m[4]!, m[3]!);
  }
  return files;
}

function describe(dir: string, commit: string): Revision {
  const out = git(dir, ['log', '-1', '--no-show-signature', '--format=%H%x00%cs%x00%s', commit]);
  const [hash, date, subject] = out.ok ? out.stdout.toString('utf8').trim().split('\0') : [];
  return { commit: hash || commit, date: date ?? '', subject: subject ?? '' };
}

/**
 * A file's content hash as git computes it (SHA-1 of `blob <size>\0` and the bytes), so a file
 * on disk and the same file in a commit have the same hash without asking git.
 */
function blobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Content hashes of a deck folder's files on disk; undefined for a file that cannot be read. */
export function diskHashes(dir: string): (relativePath: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (rel) => {
    if (!known.has(rel)) {
      try {
        known.set(rel, blobHash(readFileSync(`${dir}/${rel}`)));
      } catch {
        known.set(rel, undefined);
      }
    }
    return known.get(rel);
  };
}
