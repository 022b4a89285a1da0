import { describe, expect, it } from 'vitest';
import {
  buildDisclosureReport,
  EMPTY_ENTERED,
  requestOutcomeKey,
  type DisclosureRequestRow,
} from './disclosure-report.ts';

const proactive = {
  normativeMade: 2,
  normativeRepealed: 0,
  normativeInForce: 5,
  licensing: 7,
  penalty: 3,
  published: 40,
};
const req = (o: Partial<DisclosureRequestRow>): DisclosureRequestRow => ({
  applicantType: 'citizen',
  filedOn: '2018-03-01',
  doneOn: '2018-03-20',
  outcome: 'disclosed',
  ...o,
});

describe('the annual disclosure report', () => {
  it.each([
    [{ answerType: 'alreadyPublic', ground: null, withdrawn: false }, 'disclosed'],
    [{ answerType: 'partlyDisclosed', ground: null, withdrawn: false }, 'partly'],
    [{ answerType: 'notDisclosed', ground: 'thirdParty', withdrawn: false }, 'withheld.thirdParty'],
    [{ answerType: 'notThisAgency', ground: null, withdrawn: false }, 'unable.notHeld'],
    [{ answerType: 'repeatRequest', ground: null, withdrawn: false }, 'notProcessed.repeat'],
    [{ answerType: 'otherChannel', ground: null, withdrawn: false }, 'notProcessed.complaint'],
    [{ answerType: null, ground: null, withdrawn: true }, 'other.noCompletion'],
    [{ answerType: null, ground: null, withdrawn: false }, null],
  ] as const)('counts %o in %s', (a, key) => {
    expect(requestOutcomeKey(a)).toBe(key);
  });

  it('balances: received plus carried in equals handled plus carried out', () => {
    const r = buildDisclosureReport({
      year: 2018,
      bureau: '常德市环境保护局',
      proactive,
      entered: EMPTY_ENTERED,
      requests: [
        req({}),
        req({ applicantType: 'legalPerson', outcome: 'withheld.thirdParty' }),
        req({ filedOn: '2017-12-20', doneOn: '2018-01-10', outcome: 'partly' }),
        req({ filedOn: '2017-11-01', doneOn: '2017-11-20' }),
        req({ filedOn: '2018-12-25', doneOn: null, outcome: null }),
        req({ filedOn: '2019-01-02', doneOn: null, outcome: null }),
      ],
    });
    expect(r.requests).toEqual({ received: 3, carriedIn: 1, handled: 3, carriedOut: 1 });
    const table = r.tables.find((t) => t.section === 3)!;
    const rowOf = (label: string) => table.rows.find((x) => x[0]!.startsWith(label))!;
    expect(rowOf('一、')).toEqual(['一、本年新收政府信息公开申请数量', '2', '0', '0', '0', '0', '1', '3']);
    expect(rowOf('（三）').at(-1)).toBe('1');
    expect(rowOf('4．保护第三方').at(6)).toBe('1');
    expect(rowOf('（七）').at(-1)).toBe('3');
    expect(r.sections[0]!.paragraphs[0]).toContain('新收政府信息公开申请3件');
    expect(r.sections[4]!.paragraphs).toEqual(['无。']);
  });

  it('counts a legal person under its kind of organisation; one filed before the form asked, under 其他', () => {
    const r = buildDisclosureReport({
      year: 2018,
      bureau: '常德市环境保护局',
      proactive,
      entered: EMPTY_ENTERED,
      requests: [
        req({ applicantType: 'legalPerson', organisationKind: 'commercial' }),
        req({ applicantType: 'legalPerson', organisationKind: 'research' }),
        req({ applicantType: 'legalPerson', organisationKind: 'research' }),
        req({ applicantType: 'legalPerson', organisationKind: 'publicInterest' }),
        req({ applicantType: 'legalPerson', organisationKind: 'legalService' }),
        req({ applicantType: 'legalPerson', organisationKind: null }),
        req({ applicantType: 'legalPerson', organisationKind: 'other' }),
        req({}),
      ],
    });
    const table = r.tables.find((t) => t.section === 3)!;
    expect(table.headers.slice(1)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    const received = table.rows.find((x) => x[0]!.startsWith('一、'))!;
    expect(received.slice(1)).toEqual(['1', '1', '2', '1', '1', '2', '8']);
  });
});
