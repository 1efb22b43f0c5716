/** Associated data for an attempt's encrypted fields: ciphertexts only decrypt in the row and field they belong to. */
export const attemptFlowContext = (attemptId: string) => `ms365_attempts:${attemptId}:flow`;
export const attemptCacheContext = (attemptId: string) => `ms365_attempts:${attemptId}:cache`;
