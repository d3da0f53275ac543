// The README's code blocks, read from the README itself and applied to an
// app's files the way a reader applies them: shell commands run, statements
// added where the snippet says, JSX merged into the app's existing elements.
// Whatever cannot be applied throws with what did not fit: the README, not
// the reader, is then what is wrong.
import ts from 'typescript';

export interface CodeBlock {
  lang: string;
  code: string;
}

/**
 * The fenced code blocks of the `## title` section, by the `###` heading
 * they are under ('' before the first one).
 */
export function readmeSection(
  readme: string,
  title: string,
): Map<string, CodeBlock[]> {
  const blocks = new Map<string, CodeBlock[]>();
  let inSection = false;
  let heading = '';
  let fence: CodeBlock | undefined;
  for (const line of readme.split('\n')) {
    if (fence) {
      if (line.trim() === '```') {
        blocks.set(heading, [...(blocks.get(heading) ?? []), fence]);
        fence = undefined;
      } else {
        fence.code += `${line}\n`;
      }
    } else if (line.startsWith('## ')) {
      inSection = line.slice(3).trim() === title;
      heading = '';
    } else if (inSection && line.startsWith('### ')) {
      heading = line.slice(4).trim();
    } else if (inSection && line.startsWith('```')) {
      fence = { lang: line.trim().slice(3), code: '' };
    }
  }
  if (blocks.size === 0) {
    throw new Error(`the README has no code under "## ${title}"`);
  }
  return blocks;
}

/** The one block of `lang` under a heading; the README must have exactly one. */
export function blockOf(
  section: Map<string, CodeBlock[]>,
  heading: string,
  lang: string,
): CodeBlock {
  const found = (section.get(heading) ?? []).filter(b => b.lang === lang);
  if (found.length !== 1) {
    throw new Error(
      `expected one \`\`\`${lang} block under "${heading}", found ${found.length}`,
    );
  }
  return found[0];
}

/** Each command of a shell block as its arguments after `yarn`. */
export function yarnCommands(block: CodeBlock): string[][] {
  return block.code
    .split('\n')
    .filter(line => line.trim() && !line.trim().startsWith('#'))
    .map(line => {
      const [command, ...args] = line.trim().split(/\s+/);
      if (command !== 'yarn') {
        throw new Error(`not a yarn command in the README: ${line}`);
      }
      return args;
    });
}

/** The file a snippet's first line names (`// packages/...`), and its code. */
export function snippetFile(block: CodeBlock): { file: string; code: string } {
  const [first, ...rest] = block.code.split('\n');
  const file = /^\/\/ (\S+)$/.exec(first.trim())?.[1];
  if (!file) {
    throw new Error(`snippet does not name its file: ${first}`);
  }
  return { file, code: rest.join('\n') };
}

/** Inserts a snippet's code on its own lines before the line `anchor`. */
export function insertBefore(
  source: string,
  code: string,
  anchor: string,
): string {
  const lines = source.split('\n');
  const at = lines.findIndex(line => line.trim() === anchor);
  if (at < 0) throw new Error(`no line "${anchor}" to add the snippet before`);
  lines.splice(at, 0, ...code.trimEnd().split('\n'), '');
  return lines.join('\n');
}

type Element = ts.JsxElement | ts.JsxSelfClosingElement;

const parse = (name: string, text: string) =>
  ts.createSourceFile(
    name,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );

const openingOf = (e: Element) => (ts.isJsxElement(e) ? e.openingElement : e);

function attributesOf(e: Element): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const a of openingOf(e).attributes.properties) {
    if (ts.isJsxAttribute(a)) {
      attributes.set(a.name.getText(), a.initializer?.getText() ?? '');
    }
  }
  return attributes;
}

/** `<Tag a="b">` as the README shows it, for messages. */
const describe = (e: Element) =>
  `<${openingOf(e).tagName.getText()}${[...attributesOf(e)]
    .map(([k, v]) => (v ? ` ${k}=${v}` : ` ${k}`))
    .join('')}>`;

/** The snippet's element is the app's: same tag, its attributes alike. */
function sameElement(snippet: Element, app: Element): boolean {
  if (openingOf(snippet).tagName.getText() !== openingOf(app).tagName.getText())
    return false;
  const own = attributesOf(app);
  return [...attributesOf(snippet)].every(([k, v]) => own.get(k) === v);
}

/** `{/* ... *\/}`: the app's existing children, which the snippet elides. */
const isElision = (node: ts.Node) =>
  ts.isJsxExpression(node) && node.expression === undefined;

const containsElision = (node: ts.Node): boolean =>
  isElision(node) ||
  !!ts.forEachChild(node, c => containsElision(c) || undefined);

/** A declaration's value without parentheses: `x = (v)` and `x = () => (v)` give v. */
function valueOf(declaration: ts.VariableDeclaration): ts.Node | undefined {
  let init: ts.Node | undefined = declaration.initializer;
  for (;;) {
    if (init && ts.isParenthesizedExpression(init)) init = init.expression;
    else if (init && ts.isArrowFunction(init)) init = init.body;
    else return init;
  }
}

function jsxRoot(
  declaration: ts.VariableDeclaration,
  where: string,
): ts.JsxElement {
  const init = valueOf(declaration);
  if (!init || !ts.isJsxElement(init)) {
    throw new Error(`${where}: ${declaration.name.getText()} is not JSX`);
  }
  return init;
}

interface Edit {
  at: number;
  text: string;
}

/** The node's text re-indented from its column in `from` to `indent`. */
function reindent(node: ts.Node, from: ts.SourceFile, indent: string): string {
  const column = from.getLineAndCharacterOfPosition(node.getStart()).character;
  return `${node
    .getText()
    .split('\n')
    .map((line, i) =>
      i === 0
        ? indent + line
        : indent + line.replace(new RegExp(`^ {0,${column}}`), ''),
    )
    .join('\n')}\n`;
}

/**
 * Adds what the snippet's element shows beyond the elided children to the
 * app's element: an element holding an elision exists in the app and is
 * merged into; any other element is new and goes last among its parent's
 * children, as a reader adds it.
 */
function mergeElement(
  snippet: ts.JsxElement,
  app: ts.JsxElement,
  files: { snippet: ts.SourceFile; app: ts.SourceFile },
  edits: Edit[],
  where: string,
) {
  const close = app.closingElement.getStart();
  const lineStart =
    close - files.app.getLineAndCharacterOfPosition(close).character;
  const indent = `${files.app.text.slice(lineStart, close)}  `;
  for (const child of snippet.children) {
    if (ts.isJsxText(child) && child.containsOnlyTriviaWhiteSpaces) continue;
    if (isElision(child)) continue;
    if (containsElision(child)) {
      if (!ts.isJsxElement(child)) {
        throw new Error(`${where}: cannot follow ${child.getText()}`);
      }
      const match = app.children.find(
        (c): c is ts.JsxElement => ts.isJsxElement(c) && sameElement(child, c),
      );
      if (!match) {
        throw new Error(
          `${where}: the app's ${describe(app)} has no ${describe(child)}`,
        );
      }
      mergeElement(child, match, files, edits, where);
    } else {
      edits.push({
        at: lineStart,
        text: reindent(child, files.snippet, indent),
      });
    }
  }
}

const namedImports = (i: ts.ImportDeclaration) => {
  const bindings = i.importClause?.namedBindings;
  return bindings && ts.isNamedImports(bindings) ? bindings : undefined;
};

/**
 * A snippet's import as a reader adds it: the names the file does not
 * import yet, into its import from the same module, else a new import.
 */
function importEdits(
  shown: ts.ImportDeclaration,
  appImports: ts.ImportDeclaration[],
): Edit[] {
  const module = shown.moduleSpecifier.getText();
  const same = appImports.find(
    i =>
      i.moduleSpecifier.getText() === module &&
      namedImports(i) &&
      !i.importClause?.isTypeOnly,
  );
  const names = namedImports(shown)?.elements.map(e => e.getText());
  if (!same || !names || shown.importClause?.name) {
    return [
      {
        at: appImports[appImports.length - 1].getEnd(),
        text: `\n${shown.getText()}`,
      },
    ];
  }
  const own = namedImports(same)!;
  const have = new Set(own.elements.map(e => e.getText()));
  const missing = names.filter(n => !have.has(n));
  const last = own.elements[own.elements.length - 1];
  return missing.length === 0 || !last
    ? []
    : [{ at: last.getEnd(), text: `, ${missing.join(', ')}` }];
}

/**
 * Applies a TSX snippet of imports and `const x = (<jsx/>)` (or
 * `const X = () => (<jsx/>)`, or `const xs = [...]`) declarations to the
 * app's file: imports are added after the file's last import, each
 * declaration's JSX is merged into the file's declaration of the same name,
 * and a list's items are added at its end.
 */
export function mergeJsxSnippet(
  source: string,
  snippet: string,
  where: string,
): string {
  const files = {
    snippet: parse('snippet.tsx', snippet),
    app: parse(where, source),
  };
  const edits: Edit[] = [];
  const appImports = files.app.statements.filter(ts.isImportDeclaration);
  for (const statement of files.snippet.statements) {
    if (ts.isImportDeclaration(statement)) {
      edits.push(...importEdits(statement, appImports));
      continue;
    }
    if (!ts.isVariableStatement(statement)) {
      throw new Error(
        `${where}: cannot apply ${statement.getText().slice(0, 60)}`,
      );
    }
    for (const declaration of statement.declarationList.declarations) {
      const name = declaration.name.getText();
      const own = files.app.statements
        .filter(ts.isVariableStatement)
        .flatMap(s => [...s.declarationList.declarations])
        .find(d => d.name.getText() === name);
      if (!own) throw new Error(`${where}: the app has no const ${name}`);
      const [shownValue, ownValue] = [valueOf(declaration), valueOf(own)];
      if (
        shownValue &&
        ownValue &&
        ts.isArrayLiteralExpression(shownValue) &&
        ts.isArrayLiteralExpression(ownValue)
      ) {
        // A list such as apis.ts's factories: the snippet's items go last.
        const last = ownValue.elements[ownValue.elements.length - 1];
        if (last && !ownValue.elements.hasTrailingComma) {
          edits.push({ at: last.getEnd(), text: ',' });
        }
        const close = ownValue.getEnd() - 1;
        const lineStart =
          close - files.app.getLineAndCharacterOfPosition(close).character;
        const indent = `${files.app.text.slice(lineStart, close)}  `;
        for (const item of shownValue.elements) {
          edits.push({
            at: lineStart,
            text: reindent(item, files.snippet, indent).replace(/\n$/, ',\n'),
          });
        }
        continue;
      }
      const [shown, existing] = [
        jsxRoot(declaration, where),
        jsxRoot(own, where),
      ];
      if (!sameElement(shown, existing)) {
        throw new Error(
          `${where}: ${name} is ${describe(existing)} in the app, ${describe(
            shown,
          )} in the README`,
        );
      }
      mergeElement(shown, existing, files, edits, `${where} ${name}`);
    }
  }
  // Last position first so earlier offsets stay valid; at one position,
  // later edits first so the snippet's order is kept.
  return edits
    .map((edit, i) => ({ ...edit, i }))
    .sort((a, b) => b.at - a.at || b.i - a.i)
    .reduce(
      (text, e) => text.slice(0, e.at) + e.text + text.slice(e.at),
      source,
    );
}
