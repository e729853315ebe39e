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
