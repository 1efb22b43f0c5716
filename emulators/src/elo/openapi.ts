import { FILING_PATHS, FILING_SCHEMAS } from './openapi-filing.js';

/**
 * The OpenAPI document served at /ix-<repository>/rest/openapi.json. It describes only what the emulator answers,
 * in ELO's shapes, so that nobody reads it as the full Indexserver API.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operation(summary: string, properties: Record<string, unknown>, required: string[], result: unknown) {
  return {
    post: {
      summary,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', properties, required } } },
      },
      responses: {
        '200': {
          description: 'Either `result`, or `exception` ("[ELOIX:nnnn]text"); IX errors are HTTP 200 too.',
          content: {
            'application/json': {
              schema: {
                oneOf: [{ type: 'object', properties: { result }, required: ['result'] }, ref('Exception')],
              },
            },
          },
        },
      },
    },
  };
}

const ci = ref('ClientInfo');
const selector = ref('CheckoutUsersZ');
const ids = { type: 'array', items: { type: 'string' }, description: 'Names, numeric ids or GUIDs.' };

export function buildOpenApi(repository: string): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: {
      title: 'ELO Indexserver REST (ecm365 emulator)',
      version: '1.0.0',
      description:
        'The subset of IXServicePortIF that the ecm365 ELO emulator answers. Selector numbers come from getConstants.',
    },
    servers: [{ url: `/ix-${repository}/rest` }],
    paths: {
      '/IXServicePortIF/login': operation(
        'Log in with user name and password',
        {
          ci,
          userName: { type: 'string' },
          userPwd: { type: 'string' },
          clientComputer: { type: 'string' },
          runAsUser: { type: 'string' },
        },
        ['ci', 'userName', 'userPwd'],
        ref('LoginResult'),
      ),
      '/IXServicePortIF/logout': operation('End the session of ci.ticket', { ci }, ['ci'], { nullable: true }),
      '/IXServicePortIF/alive': operation('Extends the ticket lifetime', { ci }, ['ci'], { nullable: true }),
      '/IXServicePortIF/getConstants': operation('Server constants; no login needed', {}, [], {
        type: 'object',
        properties: { CHECKOUT_USERS: { type: 'object', additionalProperties: selector } },
        additionalProperties: true,
      }),
      '/IXServicePortIF/checkoutUsers': operation(
        'Users and groups as UserInfo',
        { ci, ids, checkoutUsersZ: selector, lockZ: selector },
        ['ci', 'checkoutUsersZ'],
        { type: 'array', items: ref('UserInfo') },
      ),
      '/IXServicePortIF/getUserNames': operation(
        'Users and groups as UserName',
        { ci, ids, checkoutUsersZ: selector },
        ['ci', 'checkoutUsersZ'],
        { type: 'array', items: ref('UserName') },
      ),
      ...FILING_PATHS,
    },
    components: {
      schemas: {
        ...FILING_SCHEMAS,
        Exception: {
          type: 'object',
          properties: { exception: { type: 'string', example: '[ELOIX:3008]…' } },
          required: ['exception'],
        },
        ClientInfo: {
          type: 'object',
          properties: {
            ticket: { type: 'string' },
            language: { type: 'string' },
            country: { type: 'string' },
            timeZone: { type: 'string' },
          },
        },
        CheckoutUsersZ: {
          type: 'object',
          properties: { bset: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
          required: ['bset'],
        },
        LoginResult: {
          type: 'object',
          properties: {
            clientInfo: ci,
            ticketLifetime: { type: 'integer', description: 'seconds' },
            user: ref('UserInfo'),
          },
        },
        UserName: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            guid: { type: 'string' },
            type: { type: 'integer', description: '0 group, 1 user' },
          },
        },
        UserInfo: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            guid: { type: 'string' },
            type: { type: 'integer', description: '0 group, 1 user' },
            flags: { type: 'integer' },
            flags2: { type: 'integer' },
            groupList: { type: 'array', items: { type: 'integer' }, description: 'ids of the groups' },
            desc: { type: 'string' },
          },
        },
      },
    },
  };
}
