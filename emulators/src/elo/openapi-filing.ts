/**
 * The filing calls in the emulator's OpenAPI document. Shapes follow ELO's IX 23 OpenAPI (member names and
 * types); only the members the emulator reads or answers are listed.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, unknown>) => ({ type: 'object', properties });
const bset = ref('CheckoutUsersZ');

function operation(summary: string, properties: Record<string, unknown>, result: unknown) {
  return {
    post: {
      summary,
      requestBody: { content: { 'application/json': { schema: object({ ci: ref('ClientInfo'), ...properties }) } } },
      responses: {
        '200': {
          description: 'Either `result`, or `exception` ("[ELOIX:nnnn]text").',
          content: { 'application/json': { schema: object({ result, exception: { type: 'string' } }) } },
        },
      },
    },
  };
}

export const FILING_PATHS = {
  '/IXServicePortIF/checkinSordPath': operation(
    'Create the missing folders of a path; ids of every level, the leaf last',
    { parentId: { type: 'string' }, sords: { type: 'array', items: ref('Sord') }, sordZ: bset },
    { type: 'array', items: { type: 'integer', format: 'int32' } },
  ),
  '/IXServicePortIF/createDoc': operation(
    'A template for a new document (id -1); persists nothing',
    { parentId: { type: 'string' }, maskId: { type: 'string' }, docTemplate: { type: 'string' }, editInfoZ: bset },
    ref('EditInfo'),
  ),
  '/IXServicePortIF/checkinDocBegin': operation(
    'Upload URLs for the versions of a new document',
    { document: ref('Document') },
    ref('Document'),
  ),
  '/IXServicePortIF/checkinDocEnd': operation(
    'Check a document in (uploadResult, fileData.stream.streamId or fileData.data)',
    { sord: ref('Sord'), sordZ: bset, document: ref('Document'), unlockZ: bset },
    ref('Document'),
  ),
  '/IXServicePortIF/checkoutSord': operation(
    'An entry by id, GUID, OKEY:, ARCPATH: or MD5:',
    { objId: { type: 'string' }, editInfoZ: bset, lockZ: bset },
    ref('EditInfo'),
  ),
  '/IXServicePortIF/checkoutDocMask': operation(
    'A mask with its lines',
    { maskId: { type: 'string' }, docMaskZ: bset, lockZ: bset },
    ref('DocMask'),
  ),
  '/IXServicePortIF/findFirstSords': operation(
    'Search (findChildren, findByIndex); the first max results',
    { findInfo: { type: 'object' }, max: { type: 'integer' }, sordZ: bset },
    ref('FindResult'),
  ),
  '/IXServicePortIF/findNextSords': operation(
    'Further results of a search',
    { searchId: { type: 'string' }, idx: { type: 'integer' }, max: { type: 'integer' }, sordZ: bset },
    ref('FindResult'),
  ),
  '/IXServicePortIF/findClose': operation('Free a search', { searchId: { type: 'string' } }, { nullable: true }),
  '/BUtility/upload': {
    post: {
      summary: 'Upload file (raw bytes); the streamId is used in checkinDocEnd',
      requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        '200': {
          description: '`{"result":{"streamId"}}` or `exception`',
          content: { 'application/json': { schema: object({ result: ref('BStreamReference') }) } },
        },
      },
    },
  },
};

const version = object({
  id: { type: 'integer' },
  guid: { type: 'string' },
  ext: { type: 'string' },
  contentType: { type: 'string' },
  size: { type: 'string' },
  md5: { type: 'string' },
  url: { type: 'string' },
  uploadResult: { type: 'string' },
  fileData: object({ data: { type: 'string', format: 'byte' }, stream: ref('BStreamReference') }),
});

export const FILING_SCHEMAS = {
  BStreamReference: object({ streamId: { type: 'string' }, url: { type: 'string' } }),
  ObjKey: object({
    id: { type: 'integer' },
    name: { type: 'string' },
    data: { type: 'array', items: { type: 'string' } },
  }),
  DocVersion: version,
  Document: object({
    objId: { type: 'string' },
    docs: { type: 'array', items: ref('DocVersion') },
    atts: { type: 'array', items: ref('DocVersion') },
  }),
  Sord: object({
    id: { type: 'integer' },
    guid: { type: 'string' },
    parentId: { type: 'integer' },
    name: { type: 'string' },
    type: { type: 'integer' },
    mask: { type: 'integer' },
    maskName: { type: 'string' },
    objKeys: { type: 'array', items: ref('ObjKey') },
    XDateIso: { type: 'string' },
    IDateIso: { type: 'string' },
    docVersion: ref('DocVersion'),
    attVersion: ref('DocVersion'),
    refPaths: { type: 'array', items: object({ pathAsString: { type: 'string' }, path: { type: 'array' } }) },
  }),
  DocMaskLine: object({
    id: { type: 'integer' },
    key: { type: 'string' },
    name: { type: 'string' },
    max: { type: 'integer' },
    required: { type: 'boolean' },
  }),
  DocMask: object({
    id: { type: 'integer' },
    guid: { type: 'string' },
    name: { type: 'string' },
    lines: { type: 'array', items: ref('DocMaskLine') },
  }),
  EditInfo: object({ sord: ref('Sord'), mask: ref('DocMask'), document: ref('Document') }),
  FindResult: object({
    sords: { type: 'array', items: ref('Sord') },
    moreResults: { type: 'boolean' },
    searchId: { type: 'string' },
  }),
};
