// The canonical-text contract. Every offset in Ronten refers to a CanonicalText's `text`.

export type Reflow = 'auto' | 'on' | 'off';

export type BlockKind = 'heading' | 'paragraph';

/// A heading or paragraph: text.slice(start, end), UTF-16 offsets, no line break inside.
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

/// The normalized form of an imported source text.
/// Invariants: NFC; blocks are separated by exactly one '\n' and cover the whole text
/// (text === blocks.map(b => text.slice(b.start, b.end)).join('\n')); no block is empty.
export interface CanonicalText {
  text: string;
  blocks: Block[];
  /// sha256 of the UTF-8 bytes of `text`, lowercase hex.
  sha256: string;
}

/// The reflow behaviour actually used: 'auto' resolves to one of these.
export type AppliedReflow = 'on' | 'off';

export interface CanonicalizeOptions {
  /// 'on': join hard-wrapped lines into paragraphs; 'off': one block per non-blank line;
  /// 'auto' (default): 'on' when the source looks hard-wrapped (see detectHardWrap).
  reflow?: Reflow;
}

/// canonicalizeDetailed's answer: the canonical text plus how it was derived, for import
/// logs and the corpus tooling. Kept apart from CanonicalText so that stored and compared
/// canonical texts carry exactly the contract's fields.
export interface CanonicalizeReport {
  canonical: CanonicalText;
  reflowApplied: AppliedReflow;
}
