// Tests only: the real Argdown parser (@argdown/core, a dev dependency) run as the Argdown CLI
// runs it — parse, then build the model — so tests check our Argdown against Argdown's own reading.
// Never imported by the app: argdownRead.ts is the app's reader (see its header for why).
import * as argdownModule from '@argdown/core';

// A CommonJS package: Vitest hands its exports over as the default export, Playwright's loader
// as named ones.
const argdown = ((argdownModule as { default?: typeof argdownModule }).default ?? argdownModule) as typeof argdownModule;
const { ArgdownApplication, ParserPlugin, DataPlugin, ModelPlugin } = argdown;

/// @argdown/core's reading of `input`: statements, arguments, relations and its errors.
export function readWithArgdown(input: string) {
  const app = new ArgdownApplication();
  app.addPlugin(new ParserPlugin(), 'parse-input');
  app.addPlugin(new DataPlugin(), 'build-model');
  app.addPlugin(new ModelPlugin(), 'build-model');
  return app.run({ input, process: ['parse-input', 'build-model'] });
}

/// The lexer's and the parser's errors (empty for valid Argdown).
export function argdownErrors(input: string) {
  const result = readWithArgdown(input);
  return [...(result.lexerErrors ?? []), ...(result.parserErrors ?? [])];
}
