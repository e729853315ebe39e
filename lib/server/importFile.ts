// Reading an imported map file into a map for a stored document: the import route runs it on
// the worker pool (inside ./importRequest), the CLI's `import` directly. One implementation for both, so an
// import is refused or accepted the same way wherever it comes in.
import { mapSizeProblem } from '@/lib/argument/limits';
import { importAnnotated, type ImportOptions, type ImportResult } from '@/lib/formats';
import { formatError } from '@/lib/formats/draft';

export interface ImportFileInput {
  fileName: string;
  /// The file's text (JSON formats), or brat's .txt and .ann.
  content: string | { txt: string; ann: string };
  options: ImportOptions;
}

/// Places the file's map on the document (importAnnotated: the JSON formats' readers parse the
/// text themselves), refusing a map past the size limits (lib/argument/limits) before anything
/// is stored.
export function importFile({ fileName, content, options }: ImportFileInput): ImportResult {
  const result = importAnnotated(content, options);
  if (!result.ok) return result;
  const tooBig = mapSizeProblem(result.value.map);
  return tooBig ? { ok: false, errors: [formatError(fileName, tooBig.code, tooBig.params)] } : result;
}
