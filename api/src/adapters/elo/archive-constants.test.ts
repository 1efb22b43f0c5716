import { describe, expect, it } from 'vitest';
import { readArchiveSelectors } from './archive-constants.js';

describe('the filing selectors from getConstants', () => {
  it('takes what the server reports, strings or numbers', () => {
    expect(
      readArchiveSelectors({
        SORD: { mbAll: { bset: '4' } },
        EDIT_INFO: { mbSord: { bset: 1 } },
        DOC_MASK: { mbAll: { bset: '127' } },
        LOCK: { NO: { bset: '0' } },
        DOC_MASK_LINE: { ID_FILENAME: 52, NAME_FILENAME: 'DATEINAME' },
      }),
    ).toEqual({
      sordAll: '4',
      editInfoSord: '1',
      docMaskAll: '127',
      lockNo: '0',
      fileNameGroup: 'DATEINAME',
      fileNameLineId: 52,
    });
  });

  it('falls back to the values of ELO’s examples when a server does not say', () => {
    expect(readArchiveSelectors({})).toEqual({
      sordAll: '2196631817761587199',
      editInfoSord: '2196631817761587199',
      docMaskAll: null,
      lockNo: '0',
      fileNameGroup: 'ELO_FNAME',
      fileNameLineId: 51,
    });
  });
});
