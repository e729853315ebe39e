// A decoration-only tiptap extension over the essay (pattern: tiptap's Focus extension).
import { Extension } from '@tiptap/core';
import type { Token } from '@/lib/tokens/types';
import type { PositionMap } from '../../positions';
import { tokenLayerPlugin, type TokenSelection } from './plugin';

export interface TokenLayerOptions {
  tokens: readonly Token[];
  positions: PositionMap | null;
  onSelectionChange?: (selection: TokenSelection) => void;
}

export const TokenLayer = Extension.create<TokenLayerOptions>({
  name: 'tokenLayer',
  addOptions: () => ({ tokens: [], positions: null }),
  addProseMirrorPlugins() {
    const { tokens, positions, onSelectionChange } = this.options;
    if (!positions) return [];
    return [tokenLayerPlugin({ tokens, positions, onSelectionChange })];
  },
});

export { tokenLayerKey, selectedSpan, setTokenSelection, type TokenSelection } from './plugin';
export { tokenIndexAt, stepWordToken, isWordToken } from './tokenIndex';
