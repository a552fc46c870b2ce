export declare const ROOT: string;
export declare function run(
  command: string,
  args: readonly string[],
  options?: import('node:child_process').SpawnOptions,
): Promise<void>;
export declare function say(message: string): void;
