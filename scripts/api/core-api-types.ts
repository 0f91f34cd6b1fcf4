// Generated from api/core-api.openapi.yaml by `npm run generate:api-types`
// (scripts/api/api-types-generator.ts, with openapi-typescript). Do not edit: change the
// description and run the command again; test/api/api-types.test.ts fails while they differ.

export interface paths {
  '/api/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List your clients
     * @description Lists the clients (organisations) the caller belongs to, with their members.
     */
    get: operations['listClients'];
    put?: never;
    /**
     * Create a client
     * @description Creates a client (an organisation) with the caller as its owner.
     */
    post: operations['createClient'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    /**
     * Get a client
     * @description Returns one client the caller belongs to.
     */
    get: operations['getClient'];
    /**
     * Update a client
     * @description Changes the fields of a client that the body sends.
     */
    put: operations['updateClient'];
    post?: never;
    /**
     * Delete a client
     * @description Deletes a client.
     */
    delete: operations['deleteClient'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/targets': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    /**
     * List a client's targets
     * @description Lists the targets (upstream APIs) of a client.
     */
    get: operations['listTargets'];
    put?: never;
    /**
     * Create a target
     * @description Creates a target in a client. Its region cannot be changed afterwards.
     */
    post: operations['createTarget'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/targets/{targetId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The target's id, its sKey.
         * @example tgt_789e4567
         */
        targetId: components['parameters']['TargetId'];
      };
      cookie?: never;
    };
    /**
     * Get a target
     * @description Returns one target of a client.
     */
    get: operations['getTarget'];
    /**
     * Update a target
     * @description Changes the fields of a target that the body sends; the region stays as created.
     */
    put: operations['updateTarget'];
    post?: never;
    /**
     * Delete a target
     * @description Deletes a target.
     */
    delete: operations['deleteTarget'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/credentials': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    /**
     * List a client's credentials
     * @description Lists the credentials of a client, without their secrets. Temporary OAuth2 credentials still awaiting authorization are left out unless includeTemporary is true.
     */
    get: operations['listCredentials'];
    put?: never;
    /**
     * Create a credential
     * @description Creates a credential in a client. Its secret is stored encrypted and never returned; its type and region cannot be changed afterwards.
     */
    post: operations['createCredential'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/credentials/{credentialId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The credential's id, its sKey.
         * @example cred_4f1a2b3c
         */
        credentialId: components['parameters']['CredentialId'];
      };
      cookie?: never;
    };
    /**
     * Get a credential
     * @description Returns one credential of a client, without its secret.
     */
    get: operations['getCredential'];
    /**
     * Update a credential
     * @description Renames a credential. Its secret, type and region cannot be changed.
     */
    put: operations['updateCredential'];
    post?: never;
    /**
     * Delete a credential
     * @description Deletes a credential, revoking it.
     */
    delete: operations['deleteCredential'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/proxies': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    /**
     * List a client's proxies
     * @description Lists the proxies of a client.
     */
    get: operations['listProxies'];
    put?: never;
    /**
     * Create a proxy
     * @description Creates a proxy in a client, joining a proxy credential, a target and a target credential. Its region cannot be changed afterwards.
     */
    post: operations['createProxy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/clients/{clientId}/proxies/{proxyId}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The proxy's id, its sKey.
         * @example proxy_789e4567
         */
        proxyId: components['parameters']['ProxyId'];
      };
      cookie?: never;
    };
    /**
     * Get a proxy
     * @description Returns one proxy of a client.
     */
    get: operations['getProxy'];
    /**
     * Update a proxy
     * @description Changes the fields of a proxy that the body sends, such as its rate limits; the region stays as created.
     */
    put: operations['updateProxy'];
    post?: never;
    /**
     * Delete a proxy
     * @description Deletes a proxy.
     */
    delete: operations['deleteProxy'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /**
     * Format: uuid
     * @description A UUID, as clientId, userId and parentId are in the docs' examples.
     */
    Uuid: string;
    /**
     * Format: date-time
     * @description An ISO 8601 time in UTC with milliseconds.
     */
    Timestamp: string;
    /** @description The region where a resource lives; fixed once the resource is created. */
    Region: string;
    /**
     * @description What happens to a request that no rule matches.
     * @enum {string}
     */
    RuleEffect: 'allow' | 'deny';
    /** @description A name shown in the dashboard. */
    Name: string;
    ClientMember: {
      userId: components['schemas']['Uuid'];
      /** @description The member's roles, such as owner and admin. */
      roles: string[];
    };
    /** @description A client (an organisation in the dashboard). */
    Client: {
      clientId: components['schemas']['Uuid'];
      clientName: components['schemas']['Name'];
      clientMembers: components['schemas']['ClientMember'][];
    };
    /** @description The body that creates a client. */
    ClientCreate: {
      clientName: components['schemas']['Name'];
    };
    /** @description The fields of a client to change. */
    ClientUpdate: {
      clientName?: components['schemas']['Name'];
    };
    /** @description A target's id (its sKey). */
    TargetId: string;
    /**
     * Format: uri
     * @description An https URL.
     */
    HttpsUrl: string;
    /** @description A path on the target, from its root. */
    ApiPath: string;
    /** @description A target, an upstream API that proxies forward to. */
    Target: {
      pKey: components['schemas']['Uuid'];
      sKey: components['schemas']['TargetId'];
      userId: components['schemas']['Uuid'];
      clientId: components['schemas']['Uuid'];
      parentId: components['schemas']['Uuid'];
      targetName: components['schemas']['Name'];
      targetBaseURL: components['schemas']['HttpsUrl'];
      targetTestPath: components['schemas']['ApiPath'];
      targetRegion: components['schemas']['Region'];
      targetDefaultRuleEffect: components['schemas']['RuleEffect'];
      targetCreatedAt: components['schemas']['Timestamp'];
      targetUpdatedAt: components['schemas']['Timestamp'];
    };
    /** @description The body that creates a target. */
    TargetCreate: {
      targetName: components['schemas']['Name'];
      targetBaseURL: components['schemas']['HttpsUrl'];
      targetTestPath: components['schemas']['ApiPath'];
      targetRegion: components['schemas']['Region'];
      /** @default allow */
      targetDefaultRuleEffect?: components['schemas']['RuleEffect'];
    };
    /** @description The fields of a target to change; the region cannot change. */
    TargetUpdate: {
      targetName?: components['schemas']['Name'];
      targetBaseURL?: components['schemas']['HttpsUrl'];
      targetTestPath?: components['schemas']['ApiPath'];
      targetDefaultRuleEffect?: components['schemas']['RuleEffect'];
    };
    /** @description A credential's id (its sKey). */
    CredentialId: string;
    /**
     * @description proxy authenticates callers to RequestRocket; target authenticates RequestRocket to the upstream.
     * @enum {string}
     */
    CredentialType: 'proxy' | 'target';
    /**
     * @description How the credential authenticates. Proxy credentials use apiKey, bearer, jwt, basicAuth or jwtVerify; target credentials use any but jwtVerify.
     * @enum {string}
     */
    CredentialAuthType: 'apiKey' | 'bearer' | 'jwt' | 'basicAuth' | 'oauth2' | 'customToken' | 'custom' | 'none' | 'jwtVerify';
    /** @description The secret itself, such as {"key": "…"} for an API key. Write-only: it is stored encrypted and never returned, shown or logged. */
    CredentialSecret: {
      [key: string]: string;
    };
    /** @description A credential, without its secret. */
    Credential: {
      pKey: components['schemas']['Uuid'];
      sKey: components['schemas']['CredentialId'];
      userId: components['schemas']['Uuid'];
      clientId: components['schemas']['Uuid'];
      parentId: components['schemas']['Uuid'];
      credentialType: components['schemas']['CredentialType'];
      credentialAuthType: components['schemas']['CredentialAuthType'];
      credentialName: components['schemas']['Name'];
      credentialRegion: components['schemas']['Region'];
      credentialCreatedAt: components['schemas']['Timestamp'];
      credentialUpdatedAt: components['schemas']['Timestamp'];
      credentialSecret?: never;
    };
    /** @description The body that creates a credential. The credential type decides which auth types it accepts, as the credentials page's table says. */
    CredentialCreate: components['schemas']['ProxyCredentialCreate'] | components['schemas']['TargetCredentialCreate'];
    /** @description The body that creates a proxy credential, with which callers authenticate to RequestRocket. */
    ProxyCredentialCreate: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      credentialType: 'proxy';
      /** @enum {string} */
      credentialAuthType: 'apiKey' | 'bearer' | 'jwt' | 'basicAuth' | 'jwtVerify';
      credentialName: components['schemas']['Name'];
      credentialRegion: components['schemas']['Region'];
      credentialSecret: components['schemas']['CredentialSecret'];
    };
    /** @description The body that creates a target credential, with which RequestRocket authenticates to the upstream. */
    TargetCredentialCreate: {
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      credentialType: 'target';
      /** @enum {string} */
      credentialAuthType: 'apiKey' | 'bearer' | 'jwt' | 'basicAuth' | 'oauth2' | 'customToken' | 'custom' | 'none';
      credentialName: components['schemas']['Name'];
      credentialRegion: components['schemas']['Region'];
      credentialSecret: components['schemas']['CredentialSecret'];
    };
    /** @description The fields of a credential to change. */
    CredentialUpdate: {
      credentialName?: components['schemas']['Name'];
    };
    /** @description A proxy's id (its sKey). */
    ProxyId: string;
    /** @description Most requests the proxy forwards in one minute; the platform allows at most 1,000. */
    RequestsPerMinute: number;
    /** @description Most requests the proxy forwards in one day; the platform allows at most 20,000. */
    RequestsPerDay: number;
    /** @description A proxy, joining a proxy credential, a target and a target credential. */
    Proxy: {
      pKey: components['schemas']['Uuid'];
      sKey: components['schemas']['ProxyId'];
      userId: components['schemas']['Uuid'];
      clientId: components['schemas']['Uuid'];
      parentId: components['schemas']['Uuid'];
      proxyName: components['schemas']['Name'];
      proxyRegion: components['schemas']['Region'];
      proxyProxyCredentialId: components['schemas']['CredentialId'];
      proxyTargetId: components['schemas']['TargetId'];
      proxyTargetCredentialId: components['schemas']['CredentialId'];
      /** @description Whether the proxy forwards requests. */
      proxyActive: boolean;
      proxyDefaultRuleEffect: components['schemas']['RuleEffect'];
      proxyAlias: components['schemas']['ProxyAlias'];
      proxyMaxRequestsPerMinute?: components['schemas']['RequestsPerMinute'];
      proxyMaxRequestsPerDay?: components['schemas']['RequestsPerDay'];
      proxyCreatedAt: components['schemas']['Timestamp'];
      proxyUpdatedAt: components['schemas']['Timestamp'];
    };
    /** @description A short readable name of the proxy, such as payment-gateway. */
    ProxyAlias: string;
    /** @description The body that creates a proxy; the client comes from the path and the user from the token. */
    ProxyCreate: {
      proxyName: components['schemas']['Name'];
      proxyRegion: components['schemas']['Region'];
      proxyProxyCredentialId: components['schemas']['CredentialId'];
      proxyTargetId: components['schemas']['TargetId'];
      proxyTargetCredentialId: components['schemas']['CredentialId'];
      /** @default allow */
      proxyDefaultRuleEffect?: components['schemas']['RuleEffect'];
      /**
       * @description Whether the proxy forwards requests.
       * @default true
       */
      proxyActive?: boolean;
      proxyAlias?: components['schemas']['ProxyAlias'];
      proxyMaxRequestsPerMinute?: components['schemas']['RequestsPerMinute'];
      proxyMaxRequestsPerDay?: components['schemas']['RequestsPerDay'];
    };
    /** @description The fields of a proxy to change; the region cannot change. */
    ProxyUpdate: {
      proxyName?: components['schemas']['Name'];
      proxyProxyCredentialId?: components['schemas']['CredentialId'];
      proxyTargetId?: components['schemas']['TargetId'];
      proxyTargetCredentialId?: components['schemas']['CredentialId'];
      proxyDefaultRuleEffect?: components['schemas']['RuleEffect'];
      /** @description Whether the proxy forwards requests. */
      proxyActive?: boolean;
      proxyAlias?: components['schemas']['ProxyAlias'];
      proxyMaxRequestsPerMinute?: components['schemas']['RequestsPerMinute'];
      proxyMaxRequestsPerDay?: components['schemas']['RequestsPerDay'];
    };
    /**
     * @description The message of every successful answer.
     * @constant
     */
    Success: 'Success';
    ClientList: {
      clients: components['schemas']['Client'][];
      message: components['schemas']['Success'];
    };
    ClientEnvelope: {
      client: components['schemas']['Client'];
      message: components['schemas']['Success'];
    };
    TargetList: {
      targets: components['schemas']['Target'][];
      message: components['schemas']['Success'];
    };
    TargetEnvelope: {
      target: components['schemas']['Target'];
      message: components['schemas']['Success'];
    };
    CredentialList: {
      credentials: components['schemas']['Credential'][];
      message: components['schemas']['Success'];
    };
    CredentialEnvelope: {
      credential: components['schemas']['Credential'];
      message: components['schemas']['Success'];
    };
    ProxyList: {
      proxies: components['schemas']['Proxy'][];
      message: components['schemas']['Success'];
    };
    ProxyEnvelope: {
      proxy: components['schemas']['Proxy'];
      message: components['schemas']['Success'];
    };
    Deleted: {
      message: components['schemas']['Success'];
    };
    /** @description The body of every error answer. */
    Error: {
      /** @description The HTTP reason phrase, such as Unauthorized. */
      error: string;
      /** @description What went wrong, for a person; for a 400, the field and what it must be. */
      message: string;
      /** @description The HTTP status code, repeated. */
      status: number;
    };
  };
  responses: {
    /** @description The resource was deleted. */
    Deleted: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Deleted'];
      };
    };
    /** @description The request is not valid. The message names each problem as field: what it must be, joined by "; ", such as "targetBaseURL: must be an https URL" or "name: unknown field (expected one of clientName)". A body field holding the id of a record the client does not hold is such a problem too: "proxyTargetId: no target tgt_… in this client". */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No Authorization header, or a token that is invalid, malformed (a Bearer or other scheme prefix) or revoked. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description A valid token whose user may not access this resource. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description No such resource (or an id of the wrong shape), or no such endpoint. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request body is larger than the API accepts. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** @description The request body is not sent as application/json. */
    UnsupportedMediaType: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
  };
  parameters: {
    /**
     * @description The client's id.
     * @example 550e8400-e29b-41d4-a716-446655440000
     */
    ClientId: components['schemas']['Uuid'];
    /**
     * @description The target's id, its sKey.
     * @example tgt_789e4567
     */
    TargetId: components['schemas']['TargetId'];
    /**
     * @description The credential's id, its sKey.
     * @example cred_4f1a2b3c
     */
    CredentialId: components['schemas']['CredentialId'];
    /**
     * @description The proxy's id, its sKey.
     * @example proxy_789e4567
     */
    ProxyId: components['schemas']['ProxyId'];
    /**
     * @description Also list temporary OAuth2 credentials that are still awaiting authorization.
     * @example true
     */
    IncludeTemporary: boolean;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listClients: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller's clients. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
    };
  };
  createClient: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClientCreate'];
      };
    };
    responses: {
      /** @description The client was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  getClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClientUpdate'];
      };
    };
    responses: {
      /** @description The client as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  deleteClient: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Deleted'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listTargets: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client's targets. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  createTarget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TargetCreate'];
      };
    };
    responses: {
      /** @description The target was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  getTarget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The target's id, its sKey.
         * @example tgt_789e4567
         */
        targetId: components['parameters']['TargetId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The target. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateTarget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The target's id, its sKey.
         * @example tgt_789e4567
         */
        targetId: components['parameters']['TargetId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TargetUpdate'];
      };
    };
    responses: {
      /** @description The target as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TargetEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  deleteTarget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The target's id, its sKey.
         * @example tgt_789e4567
         */
        targetId: components['parameters']['TargetId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Deleted'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listCredentials: {
    parameters: {
      query?: {
        /**
         * @description Also list temporary OAuth2 credentials that are still awaiting authorization.
         * @example true
         */
        includeTemporary?: components['parameters']['IncludeTemporary'];
      };
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client's credentials. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CredentialList'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  createCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CredentialCreate'];
      };
    };
    responses: {
      /** @description The credential was created (without its secret). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CredentialEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  getCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The credential's id, its sKey.
         * @example cred_4f1a2b3c
         */
        credentialId: components['parameters']['CredentialId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The credential (without its secret). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CredentialEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The credential's id, its sKey.
         * @example cred_4f1a2b3c
         */
        credentialId: components['parameters']['CredentialId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CredentialUpdate'];
      };
    };
    responses: {
      /** @description The credential as it is now (without its secret). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CredentialEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  deleteCredential: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The credential's id, its sKey.
         * @example cred_4f1a2b3c
         */
        credentialId: components['parameters']['CredentialId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Deleted'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  listProxies: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The client's proxies. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProxyList'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  createProxy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProxyCreate'];
      };
    };
    responses: {
      /** @description The proxy was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProxyEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  getProxy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The proxy's id, its sKey.
         * @example proxy_789e4567
         */
        proxyId: components['parameters']['ProxyId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The proxy. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProxyEnvelope'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
  updateProxy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The proxy's id, its sKey.
         * @example proxy_789e4567
         */
        proxyId: components['parameters']['ProxyId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProxyUpdate'];
      };
    };
    responses: {
      /** @description The proxy as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProxyEnvelope'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
    };
  };
  deleteProxy: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /**
         * @description The client's id.
         * @example 550e8400-e29b-41d4-a716-446655440000
         */
        clientId: components['parameters']['ClientId'];
        /**
         * @description The proxy's id, its sKey.
         * @example proxy_789e4567
         */
        proxyId: components['parameters']['ProxyId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: components['responses']['Deleted'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
    };
  };
}
