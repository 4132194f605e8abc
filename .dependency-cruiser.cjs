/**
 * The house rules: which folder of src/ may import which. Dependencies point one way, from the
 * command line down to the leaves:
 *
 *   cli → serve → shell → core/pipeline.ts → write, lint → diff → model → read → deck → base
 *
 * A lower floor never imports a higher one, not even a type (the TypeScript parser, swc, reports
 * `import type` like any import). Checked by test/architecture.test.ts in `npm test`; run it
 * alone with `npx depcruise src`. dependency-cruiser's own guide to these options:
 * https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
 */
const CORE_ROOT = '^src/core/[^/]+\\.ts$'; // the pipeline that joins the floors

/** A rule that `from` may not import anything matching `to`. */
const forbid = (name, comment, from, to, toNot) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: toNot ? { path: to, pathNot: toNot } : { path: to },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A circle lets a change anywhere in it break everything in it; cut it where a lower module reaches up.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    forbid('core-not-shell', 'The core is pure: it never imports the disk, the server or the command line.', '^src/core/', '^src/(shell|serve|cli)/'),
    forbid('shell-not-commands', 'The shell (files, browser) serves the commands and the server; it never imports them.', '^src/shell/', '^src/(serve|cli)/'),
    forbid('serve-not-cli', 'The dev server is started by the command line, never the other way round.', '^src/serve/', '^src/cli/'),
    forbid(
      'base-is-a-leaf',
      'base/ (errors, positions, i18n, numbers, the resource rule) is below everything: it imports only base/.',
      '^src/core/base/',
      '^src/core/',
      '^src/core/base/',
    ),
    forbid('deck-below-readers', 'deck/ says what a deck may say; readers target it, so it imports only base/.', '^src/core/deck/', '^src/core/', '^src/core/(base|deck)/'),
    forbid(
      'readers-below-model',
      'A reader turns a file into deck data; it never reaches the model, the comparison, lint, writers or the pipeline.',
      '^src/core/read/',
      `^src/core/(model|diff|lint|write)/|${CORE_ROOT}`,
    ),
    forbid(
      'model-below-outputs',
      'The model is built from the validated deck; it never imports readers, the comparison, lint, writers or the pipeline.',
      '^src/core/model/',
      `^src/core/(read|diff|lint|write)/|${CORE_ROOT}`,
    ),
    forbid(
      'diff-compares-models',
      'The comparison (diff/) takes two models and makes the change set the model holds (model/changes.ts); it never reads a file, lints or writes.',
      '^src/core/diff/',
      `^src/core/(read|lint|write)/|${CORE_ROOT}`,
    ),
    forbid('lint-reads-only-the-model', 'Lint and the writers both read the model; neither imports the other (nor a reader, nor the comparison).', '^src/core/lint/', `^src/core/(read|write|diff)/|${CORE_ROOT}`),
    forbid(
      'writers-read-only-the-model',
      'A writer reads only the model (`model.changes` included): never a reader, the comparison, lint or the pipeline.',
      '^src/core/write/',
      `^src/core/(read|diff|lint)/|${CORE_ROOT}`,
    ),
    {
      name: 'writers-apart',
      comment: 'Each output format is its own writer; what HTML writers share lives in write/html/, files in write/output-file.ts.',
      severity: 'error',
      from: { path: '^src/core/write/([^/]+)/' },
      to: { path: '^src/core/write/', pathNot: ['^src/core/write/$1/', '^src/core/write/html/', '^src/core/write/output-file\\.ts$'] },
    },
    forbid(
      'pptx-printing-decides-nothing',
      'The PowerPoint writer has two stages: decide/ makes the presentation model (presentation.ts), ooxml/ prints it. The printer never asks the deciding stage.',
      '^src/core/write/pptx/ooxml/',
      '^src/core/write/pptx/decide/',
    ),
    forbid(
      'pptx-deciding-prints-nothing',
      'Deciding a PowerPoint slide ends in the presentation model, never in XML: decide/ never imports ooxml/.',
      '^src/core/write/pptx/decide/',
      '^src/core/write/pptx/ooxml/',
    ),
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code (entry points and declaration files aside).',
      severity: 'error',
      from: { orphan: true, pathNot: ['\\.d\\.ts$', '^src/cli/main\\.ts$', '^src/core/deck/schema-docs\\.ts$'] },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc parses
    // TypeScript and keeps `import type` as a dependency.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    moduleSystems: ['es6'],
  },
};
