/*
 * DNS-rebinding guard. A page on evil.example can make its own name resolve to 127.0.0.1 and then read a
 * planner's local server as if it were same-origin; the one thing it cannot change is the Host header the
 * browser sends (evil.example:3000). So only names this server is known by are answered, anything else is
 * 421 Misdirected Request. Known: localhost, 127.0.0.1 and [::1] with the port the request arrived on;
 * the configured HOST when it is a specific address or name; when bound to every interface (0.0.0.0, ::)
 * also any IP address and this machine's host name, with the port; and every ALLOWED_HOSTS entry
 * (`name` for any port, e.g. behind a reverse proxy, `name:port` for one; `*` turns the check off).
 */
import net from 'node:net';
import os from 'node:os';
import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

/** `name` and `port` of a Host header value, or undefined when it is not one. */
export function parseHostHeader(value: string): { name: string; port: number | undefined } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  return { name: m[1]!.replace(/\.$/, ''), port: m[2] === undefined ? undefined : Number(m[2]) };
}

function bracketed(host: string): string {
  return net.isIPv6(host) ? `[${host}]` : host.toLowerCase();
}

export function hostCheck(config: Pick<Config, 'host' | 'allowedHosts'>): RequestHandler {
  if (config.allowedHosts.includes('*')) return (_req, _res, next) => next();
  const bound = bracketed(config.host);
  const wildcard = WILDCARD_ADDRESSES.has(bound);
  const onLocalPort = new Set([...LOOPBACK_NAMES, ...(wildcard ? [os.hostname().toLowerCase()] : [bound])]);
  const anyPort = new Set<string>();
  const exact = new Set<string>();
  for (const entry of config.allowedHosts) {
    const h = parseHostHeader(entry);
    if (!h) continue;
    if (h.port === undefined) anyPort.add(h.name);
    else exact.add(`${h.name}:${h.port}`);
  }
  return (req, _res, next) => {
    const header = req.headers.host ?? '';
    const h = parseHostHeader(header);
    if (h) {
      const port = h.port ?? 80;
      const isIp = net.isIP(h.name.replace(/^\[|\]$/g, '')) !== 0;
      const local = port === req.socket.localPort && (onLocalPort.has(h.name) || (wildcard && isIp));
      if (local || anyPort.has(h.name) || exact.has(`${h.name}:${port}`)) {
        next();
        return;
      }
    }
    next(new AppError(421, 'MISDIRECTED_REQUEST', `This server does not answer to the host name '${header.slice(0, 200)}'; open it as http://127.0.0.1:${req.socket.localPort}/ or add the name to ALLOWED_HOSTS`));
  };
}
