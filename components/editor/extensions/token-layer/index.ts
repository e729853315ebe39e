// The token caret, selection and hover over the essay (a tiptap extension with no decorations:
// it paints CSS highlights; pattern of tiptap's Focus extension otherwise).
import { Extension } from '@tiptap/core';
import type { TokenSpan } from '@/lib/tokens/types';
import type { PositionMap } from '../../positions';
import { tokenLayerPlugin, type Precision, type TokenSelection } from './plugin';

export interface TokenLayerOptions {
  text: string;
  tokens: readonly TokenSpan[];
  positions: PositionMap | null;
  /// Phrase starts as token indices, then the token count (phraseStartTokens).
  phrases?: readonly number[];
  precision?: () => Precision;
  onSelectionChange?: (selection: TokenSelection) => void;
  onHoverChange?: (index: number | null) => void;
}

export const TokenLayer = Extension.create<TokenLayerOptions>({
  name: 'tokenLayer',
  addOptions: () => ({ text: '', tokens: [], positions: null }),
  addProseMirrorPlugins() {
    const { text, tokens, positions, phrases, precision, onSelectionChange, onHoverChange } = this.options;
    if (!positions) return [];
    return [tokenLayerPlugin({ text, tokens, positions, phrases, precision, onSelectionChange, onHoverChange })];
  },
});

export { tokenLayerKey, pickCaret, selectedSpan, setTokenSelection, type Precision, type TokenSelection } from './plugin';
export { tokenIndexAt, stepWordToken, isWordToken, caretTokens } from './tokenIndex';
