// Words what the sync state machine reports (lib/argument/sync's SyncNotice) and the save
// status for the notice area, in the UI's language: which changes were not saved (by what they
// did and the words they covered, not by the server's English reason) and why (by status).
import { unitText, type ArgumentMap, type Operation, type SyncNotice } from '@/lib/argument';
import type { MessageKey } from '@/lib/i18n/messages';
import type { Translate as T } from '@/lib/i18n/locale';
import type { NoticeInput } from './Notices';
import type { SaveStatus } from './useSavedMap';

const changeKeys: Record<Operation['op'], MessageKey> = {
  addUnit: 'change.addUnit',
  removeUnit: 'change.removeUnit',
  updateUnit: 'change.updateUnit',
  addRelation: 'change.addRelation',
  removeRelation: 'change.removeRelation',
  updateRelation: 'change.updateRelation',
  setMainClaim: 'change.setMainClaim',
  // A relation's premises, scheme and answers: changing a relation, as a retype is.
  addPremise: 'change.updateRelation',
  removePremise: 'change.updateRelation',
  setScheme: 'change.updateRelation',
  answerCriticalQuestion: 'change.updateRelation',
};

const refusalKeys: Record<number, MessageKey> = {
  401: 'request.status.401',
  403: 'request.status.403',
  404: 'request.status.404',
  413: 'request.status.413',
  423: 'request.status.423',
};

const quoteMax = 16;

/// One change, as the user made it: what it did and the words of its unit.
export function describeChange(t: T, operation: Operation, text: string, map: ArgumentMap): string {
  const unit = operation.op === 'addUnit' || operation.op === 'removeUnit' ? operation.unit : operation.op === 'updateUnit' ? map.units.find((u) => u.id === operation.id) : undefined;
  const words = unit ? unitText(unit, text) : '';
  const quote = words.length > quoteMax ? `${words.slice(0, quoteMax)}…` : words;
  return t(changeKeys[operation.op], { quote });
}

/// Several changes: the first said, the number of the rest.
function describeChanges(t: T, operations: readonly Operation[], text: string, map: ArgumentMap): string {
  const first = describeChange(t, operations[0], text, map);
  return operations.length > 1 ? t('change.andMore', { first, n: operations.length - 1 }) : first;
}

/// The notice for what the sync state reports; `map` is the map shown, `text` the essay.
export function syncNotice(t: T, notice: SyncNotice, text: string, map: ArgumentMap): NoticeInput {
  const history = notice.droppedHistory ? `\n${t('announce.historyDropped', { n: notice.droppedHistory })}` : '';
  switch (notice.kind) {
    case 'merged':
      return { tone: 'info', text: t('announce.merged') + history };
    case 'conflict':
      return { tone: 'warning', text: t('announce.conflict', { n: notice.dropped.length, what: describeChanges(t, notice.dropped, text, map) }) + history };
    case 'refused': {
      const why = t(refusalKeys[notice.status] ?? (notice.status === 400 ? 'request.status.400' : 'request.status.422'));
      const lost = [...notice.refused, ...notice.dropped];
      return { tone: 'error', text: t('save.refused', { why, n: lost.length, what: describeChanges(t, lost, text, map) }) + history };
    }
  }
}

/// The notice for a save status that needs one (kept until saving works again), or null.
export function statusNotice(t: T, status: SaveStatus, unsaved: number): NoticeInput | null {
  if (status === 'offline') return { key: 'save', tone: 'warning', text: t('save.offline', { n: unsaved }) };
  if (status === 'busy') return { key: 'save', tone: 'warning', text: t('save.busy', { n: unsaved }) };
  if (status === 'signedOut') return { key: 'save', tone: 'error', text: t('save.signedOut', { n: unsaved }) };
  return null;
}
