// Entity kinds as the interface names them (popover title bar, options switches).
import type { MentionKind } from '../../../src/model/types.ts';
import type { MessageKey } from '../i18n.ts';

export const KIND_KEY: Record<MentionKind, MessageKey> = {
  company: 'kindCompany',
  agency: 'kindAgency',
  program: 'kindProgram',
  contract_id: 'kindContractId',
  amount: 'kindAmount',
};
