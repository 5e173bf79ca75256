// The TypeScript compiler's module, imported here once for the whole engine (a lint rule keeps it so). TypeScript is a
// CommonJS module; a bundle (esbuild) gives each file that imports it a copy of its 2,248 exports as getters, made when
// the bundle loads: with fourteen importing files that was about 50 ms of every start of the CLI (60 ms of loading the
// extension; the ESLint plugin and the workers paid it too). Files import this one instead, an ES module the bundler
// links to directly.
import ts from 'typescript';

export default ts;
