/** The part of irc-framework (plain JavaScript, no types of its own) the tests use. */
declare module "irc-framework" {
  export interface IrcEvent {
    nick: string;
    ident?: string;
    hostname?: string;
    target: string;
    message: string;
    channel: string;
    account?: string;
    tags: Record<string, string>;
    [key: string]: unknown;
  }
  export interface ConnectOptions {
    host: string;
    port: number;
    nick: string;
    username?: string;
    gecos?: string;
    password?: string;
    account?: { account: string; password: string };
    tls?: boolean;
    rejectUnauthorized?: boolean;
    auto_reconnect?: boolean;
    enable_echomessage?: boolean;
  }
  export class Client {
    constructor(options?: Partial<ConnectOptions>);
    user: { nick: string };
    network: {
      supports(token: string): unknown;
      cap: { isEnabled(cap: string): boolean; enabled: string[] };
    };
    request_extra_caps: string[];
    connect(options: ConnectOptions): void;
    requestCap(caps: string | string[]): void;
    on(event: string, listener: (event: IrcEvent) => void): this;
    off(event: string, listener: (event: IrcEvent) => void): this;
    raw(...args: string[]): void;
    say(target: string, message: string): void;
    notice(target: string, message: string): void;
    join(channel: string): void;
    part(channel: string, message?: string): void;
    setTopic(channel: string, topic: string): void;
    mode(channel: string, mode: string, extra?: string): void;
    whois(nick: string, callback?: (event: IrcEvent) => void): void;
    quit(message?: string): void;
    connection: { end(): void };
  }
}
