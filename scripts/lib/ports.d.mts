export declare function canConnect(port: number, host?: string): Promise<boolean>;
