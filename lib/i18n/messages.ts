// The one message catalog: every string the UI shows, in Japanese and English.
// Invariant: both locales have exactly the same keys (the type below enforces it), so a
// missing translation is a compile error, not a blank button.

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ja';

const ja = {
  'app.name': '論点',
  'app.tagline': '日本語の文章の論証構造をマッピングする',
  'nav.home': '文書一覧',
  'nav.skipToText': '本文へ移動',
  'locale.switch': '言語',
  'locale.ja': '日本語',
  'locale.en': 'English',
  'documents.heading': '文書',
  'documents.title': '題名',
  'documents.length': '文字数',
  'documents.maps': 'マップ数',
  'documents.empty': '文書がまだありません。`npm run cli -- import-text FILE` で取り込めます。',
  'documents.lengthValue': '{n}字',
  'document.notFound': 'この文書は見つかりません。',
  'document.text': '本文',
  'document.tokenCount': '{n}形態素',
  'document.stats': '{chars}字・{tokens}形態素',
  'token.panel': '形態素',
  'token.reading': '読み',
  'token.pos': '品詞',
  'token.basicForm': '基本形',
  'token.hint': '単語にマウスを重ねるか、本文をクリックして矢印キーで移動すると、読みと品詞が表示されます。',
  'token.none': '—',
  'error.generic': 'エラーが発生しました。',
  'annotate.toolbar': 'ラベルを付ける',
  'annotate.cancel': '取り消す',
  'annotate.selection': '選択範囲: {quote}',
  'annotate.units': '論証単位',
  'annotate.unitCount': '{n}件',
  'annotate.filter': 'ラベルで絞り込む',
  'annotate.filterAll': 'すべて',
  'annotate.empty': '本文をドラッグして選択するか、クリックして矢印キーで移動し、1〜4キーでラベルを付けます。',
  'annotate.note': 'メモ',
  'annotate.label': 'ラベル',
  'annotate.delete': '削除',
  'annotate.mainClaim': '論旨',
  'annotate.markMainClaim': '論旨にする',
  'annotate.unmarkMainClaim': '論旨を解除',
  'annotate.growStart': '開始を1語前へ広げる',
  'annotate.shrinkStart': '開始を1語後ろへ縮める',
  'annotate.shrinkEnd': '終了を1語前へ縮める',
  'annotate.growEnd': '終了を1語後ろへ広げる',
  'annotate.supports': '支持する…',
  'annotate.attacks': '攻撃する…',
  'annotate.relationSupport': '支持',
  'annotate.relationAttack': '攻撃',
  'annotate.outgoing': '→ {type}: {quote}',
  'annotate.incoming': '← {type}: {quote}',
  'annotate.relationType': '関係の種類',
  'annotate.deleteRelation': '関係を削除',
  'annotate.pickTarget': '{type}する相手の単位を選んでください（本文か一覧をクリック、または本文で矢印キーとEnter）。Escで中止。',
  'annotate.undo': '元に戻す',
  'annotate.redo': 'やり直す',
  'annotate.exportJson': 'JSONで書き出す',
  'annotate.openExample': '例のマップを見る',
  'annotate.backToMine': '自分のマップに戻る',
  'annotate.exampleNotice': 'これは例のマップです（読み取り専用）。',
  'annotate.readOnly': '読み取り専用',
  'annotate.shortcuts': 'キーボード操作',
  'annotate.shortcutList': '←→: 語を移動 ／ Shift+←→: 範囲を広げる ／ Space: 語を選ぶ ／ 1〜4: ラベル ／ Enter: カーソル位置の単位を選ぶ ／ S・A: 支持・攻撃の関係を作る ／ M: 論旨 ／ [ ]: 開始・終了を広げる ／ Shift+[ ]: 縮める ／ Delete: 削除 ／ Ctrl+Z・Shift+Ctrl+Z: 元に戻す・やり直す ／ Esc: 取り消し',
  'announce.unitAdded': '{label}を追加しました',
  'announce.unitRemoved': '単位を削除しました',
  'announce.relationAdded': '{type}の関係を作りました',
  'announce.undone': '元に戻しました',
  'announce.redone': 'やり直しました',
  'announce.nothingToUndo': '元に戻す操作はありません',
  'announce.refused': 'できません: {reason}',
  'announce.conflict': '別のタブや端末での変更と競合したため、サーバーのマップを読み込み直しました。競合した変更 {n}件は適用されていません。',
  'announce.merged': '別のタブや端末での変更を取り込みました。',
  'announce.serverRefused': 'サーバーが変更を受け付けませんでした（{reason}）。マップを読み込み直しました。',
  'announce.historyReset': '他の変更と重なったため、元に戻す履歴をリセットしました。',
  'save.saved': '保存済み',
  'save.saving': '保存中…',
  'save.offline': 'オフライン — {n}件の変更はこのブラウザに保存され、接続が戻ると送信されます',
  'save.status': '保存の状態',
} as const;

type MessageKey = keyof typeof ja;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Ronten',
  'app.tagline': 'Map the argument of a Japanese text',
  'nav.home': 'Documents',
  'nav.skipToText': 'Skip to text',
  'locale.switch': 'Language',
  'locale.ja': '日本語',
  'locale.en': 'English',
  'documents.heading': 'Documents',
  'documents.title': 'Title',
  'documents.length': 'Length',
  'documents.maps': 'Maps',
  'documents.empty': 'No documents yet. Import one with `npm run cli -- import-text FILE`.',
  'documents.lengthValue': '{n} chars',
  'document.notFound': 'This document does not exist.',
  'document.text': 'Text',
  'document.tokenCount': '{n} morphemes',
  'document.stats': '{chars} characters · {tokens} morphemes',
  'token.panel': 'Morpheme',
  'token.reading': 'Reading',
  'token.pos': 'Part of speech',
  'token.basicForm': 'Base form',
  'token.hint': 'Hover a word, or click the text and move with the arrow keys, to see its reading and part of speech.',
  'token.none': '—',
  'error.generic': 'Something went wrong.',
  'annotate.toolbar': 'Label the selection',
  'annotate.cancel': 'Cancel',
  'annotate.selection': 'Selection: {quote}',
  'annotate.units': 'Argument units',
  'annotate.unitCount': '{n}',
  'annotate.filter': 'Filter by label',
  'annotate.filterAll': 'All',
  'annotate.empty': 'Drag over the text, or click it and move with the arrow keys, then press 1–4 to label.',
  'annotate.note': 'Note',
  'annotate.label': 'Label',
  'annotate.delete': 'Delete',
  'annotate.mainClaim': 'Main claim',
  'annotate.markMainClaim': 'Make main claim',
  'annotate.unmarkMainClaim': 'Unmark main claim',
  'annotate.growStart': 'Grow start by one word',
  'annotate.shrinkStart': 'Shrink start by one word',
  'annotate.shrinkEnd': 'Shrink end by one word',
  'annotate.growEnd': 'Grow end by one word',
  'annotate.supports': 'Supports…',
  'annotate.attacks': 'Attacks…',
  'annotate.relationSupport': 'supports',
  'annotate.relationAttack': 'attacks',
  'annotate.outgoing': '→ {type}: {quote}',
  'annotate.incoming': '← {type}: {quote}',
  'annotate.relationType': 'Relation type',
  'annotate.deleteRelation': 'Delete relation',
  'annotate.pickTarget': 'Pick the unit this {type}: click it in the text or the list, or move with the arrow keys and press Enter. Esc cancels.',
  'annotate.undo': 'Undo',
  'annotate.redo': 'Redo',
  'annotate.exportJson': 'Export JSON',
  'annotate.openExample': 'Open example map',
  'annotate.backToMine': 'Back to my map',
  'annotate.exampleNotice': 'This is the example map (read-only).',
  'annotate.readOnly': 'Read-only',
  'annotate.shortcuts': 'Keyboard shortcuts',
  'annotate.shortcutList': '←→: move by word / Shift+←→: extend / Space: pick the word / 1–4: label / Enter: select the unit at the caret / S, A: support, attack / M: main claim / [ ]: grow start, end / Shift+[ ]: shrink / Delete: delete / Ctrl+Z, Shift+Ctrl+Z: undo, redo / Esc: cancel',
  'announce.unitAdded': '{label} added',
  'announce.unitRemoved': 'Unit deleted',
  'announce.relationAdded': '{type} relation created',
  'announce.undone': 'Undone',
  'announce.redone': 'Redone',
  'announce.nothingToUndo': 'Nothing to undo',
  'announce.refused': 'Not possible: {reason}',
  'announce.conflict': 'Your changes conflicted with changes made in another tab or device, so the map was reloaded from the server. {n} conflicting changes were not applied.',
  'announce.merged': 'Merged changes made in another tab or device.',
  'announce.serverRefused': 'The server refused a change ({reason}); the map was reloaded.',
  'announce.historyReset': 'The undo history was reset because it overlapped other changes.',
  'save.saved': 'Saved',
  'save.saving': 'Saving…',
  'save.offline': 'Offline — {n} changes are kept in this browser and will be sent when the connection returns',
  'save.status': 'Save status',
};

export type { MessageKey };
export const catalog: Record<Locale, Messages> = { ja, en };

/// Formats a message, replacing `{name}` placeholders.
export function format(messages: Messages, key: MessageKey, params?: Record<string, string | number>): string {
  const template = messages[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/// Picks the locale from an explicit choice (cookie) or else the browser's Accept-Language.
export function negotiateLocale(choice: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(choice)) return choice;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return defaultLocale;
}

export const localeCookie = 'ronten-locale';
