export function onServer(serverUrl: string, sql: string): Promise<void>;
