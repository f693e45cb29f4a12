// `npx tsx scripts/docs/print-answers.ts`: prints every route's answer type as the client sees it (server/api-types.ts), to
// find answers the server types too loosely (a `string` where a union is meant, `JSONValue`, `unknown`).
import ts from 'typescript';
import { apiRoutes } from '../../server/routes.js';
const keys = apiRoutes.map((r) => `${r.method} /api${r.path}`);
const src = `import type { Answer } from '../../server/api-types.js';\n` + keys.map((k, i) => `export type T${i} = Answer<'${k}'>;`).join('\n');
const file = new URL('./.answers-probe.ts', import.meta.url).pathname;
ts.sys.writeFile(file, src);
const program = ts.createProgram([file], { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, skipLibCheck: true, resolveJsonModule: true, types: ['node'] });
const checker = program.getTypeChecker();
const sf = program.getSourceFile(file)!;
let i = 0;
ts.forEachChild(sf, (n) => {
  if (ts.isTypeAliasDeclaration(n)) {
    const t = checker.getTypeAtLocation(n.name);
    const str = checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation);
    console.log(`${keys[i++]}  →  ${str.length > 160 ? str.slice(0, 160) + '…' : str}`);
  }
});
