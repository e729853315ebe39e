// The essay's schema: a document of headings and paragraphs holding plain text. No marks:
// units and tokens are decorations over this document, which never changes.
import { Node } from '@tiptap/core';

export const EssayDocument = Node.create({ name: 'doc', topNode: true, content: 'block+' });

export const EssayText = Node.create({ name: 'text', group: 'inline' });

export const EssayParagraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'text*',
  parseHTML: () => [{ tag: 'p' }],
  renderHTML: () => ['p', { class: 'essay-paragraph' }, 0],
});

export const EssayHeading = Node.create({
  name: 'heading',
  group: 'block',
  content: 'text*',
  defining: true,
  parseHTML: () => [{ tag: 'h2' }],
  renderHTML: () => ['h2', { class: 'essay-heading' }, 0],
});

export const essayNodes = [EssayDocument, EssayText, EssayParagraph, EssayHeading];
