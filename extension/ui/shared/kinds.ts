// Entity kinds and claim verdicts as the interface names them (popover, side
// panel, editor notes, options switches): one table each.
import type { MentionKind } from '../../../src/model/types.ts';
import type { MessageKey } from '../i18n.ts';

export const KIND_KEY: Record<MentionKind, MessageKey> = {
  company: 'kindCompany',
  agency: 'kindAgency',
  program: 'kindProgram',
  contract_id: 'kindContractId',
  amount: 'kindAmount',
};

/** Claim verdicts: "consistent" / "differs" / "not in the record"; never "false" or "wrong". */
export const VERDICT_KEY: Record<string, MessageKey> = {
  consistent: 'verdictConsistent',
  differs: 'verdictDiffers',
  not_in_record: 'verdictNotInRecord',
};
