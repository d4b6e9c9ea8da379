#!/usr/bin/env python3
"""A TLS peer for NetAssist's TLS tests (python3's ssl), on 127.0.0.1 only. Exits by itself after 30 s.

server: tls_peer.py server --cert C --key K [--cert2 C2 --key2 K2] [--ca CA --verify request|require]
            [--alpn a,b] [--max-tls 1.1|1.2] [--ciphers S] [--plain] [--starttls] [--connections N]
  Binds 127.0.0.1:0, prints "port N", then serves N connections (default 1) one after the other: the first with
  --cert, the later ones with --cert2 when given. Echoes every byte back. Prints per connection
  "tls VERSION CIPHER ALPN CLIENT_SUBJECT" (ALPN/subject "-" when none) or "handshake-error TEXT", each received
  chunk as "got HEX", and "closed" when the client is gone.
  --plain: no TLS at all; answers anything with "HTTP/1.0 400 Bad Request" (or --answer HEX) and closes.
  --starttls: plain until a line "STARTTLS\\r\\n", answers "OK\\r\\n", then TLS.
client: tls_peer.py client --port P [--ca CA] [--cert C --key K] [--sni NAME] [--send HEX] [--expect N]
  Connects, prints "tls ..." (or "handshake-error TEXT" and exits 1), sends HEX, prints what comes back as
  "got HEX" until N bytes came (or 5 s passed), then closes.
"""
import argparse, socket, ssl, sys, time

p = argparse.ArgumentParser()
p.add_argument('mode', choices=['server', 'client'])
p.add_argument('--cert'); p.add_argument('--key'); p.add_argument('--cert2'); p.add_argument('--key2')
p.add_argument('--ca'); p.add_argument('--verify', choices=['request', 'require'])
p.add_argument('--alpn'); p.add_argument('--max-tls'); p.add_argument('--ciphers')
p.add_argument('--answer', default=b'HTTP/1.0 400 Bad Request\r\n\r\n'.hex())
p.add_argument('--plain', action='store_true'); p.add_argument('--starttls', action='store_true')
p.add_argument('--connections', type=int, default=1)
p.add_argument('--port', type=int); p.add_argument('--sni'); p.add_argument('--send', default='')
p.add_argument('--expect', type=int, default=0)
a = p.parse_args()
deadline = time.monotonic() + 30
VERSIONS = {'1.1': ssl.TLSVersion.TLSv1_1, '1.2': ssl.TLSVersion.TLSv1_2}


def out(*words):
    print(*words, flush=True)


def describe(s):
    cert = s.getpeercert()
    subject = '-'
    if cert:
        subject = ','.join('%s=%s' % kv for rdn in cert.get('subject', ()) for kv in rdn)
    return 'tls %s %s %s %s' % (s.version(), s.cipher()[0], s.selected_alpn_protocol() or '-', subject)


def server_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    if a.max_tls:
        ctx.set_ciphers('DEFAULT:@SECLEVEL=0')
        ctx.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        ctx.maximum_version = VERSIONS[a.max_tls]
    if a.ciphers:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2  # TLS 1.3 suites cannot be narrowed this way
        ctx.set_ciphers(a.ciphers)
    if a.ca:
        ctx.load_verify_locations(a.ca)
    if a.verify:
        ctx.verify_mode = ssl.CERT_REQUIRED if a.verify == 'require' else ssl.CERT_OPTIONAL
    if a.alpn:
        ctx.set_alpn_protocols(a.alpn.split(','))
    return ctx


def echo(s):
    s.settimeout(0.2)
    while time.monotonic() < deadline:
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        except (ssl.SSLError, OSError) as e:
            out('read-error', str(e).replace('\n', ' '))
            break
        if not data:
            break
        out('got', data.hex())
        s.sendall(data)
    out('closed')


def serve():
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(8)
    listener.settimeout(0.2)
    out('port', listener.getsockname()[1])
    for n in range(a.connections):
        while time.monotonic() < deadline:
            try:
                raw, _ = listener.accept()
                break
            except socket.timeout:
                continue
        else:
            return
        raw.settimeout(5)
        if a.plain:
            try:
                raw.recv(4096)
                raw.sendall(bytes.fromhex(a.answer))
            except OSError:
                pass
            raw.close()
            out('closed')
            continue
        if a.starttls:
            line = b''
            while not line.endswith(b'\r\n') and time.monotonic() < deadline:
                chunk = raw.recv(1)
                if not chunk:
                    break
                line += chunk
            out('plain', line.hex())
            raw.sendall(b'OK\r\n')
        use2 = n > 0 and a.cert2
        ctx = server_context(a.cert2 if use2 else a.cert, a.key2 if use2 else a.key)
        try:
            s = ctx.wrap_socket(raw, server_side=True)
        except (ssl.SSLError, OSError) as e:
            out('handshake-error', str(e).replace('\n', ' '))
            raw.close()
            continue
        out(describe(s))
        echo(s)
        s.close()


def client():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if a.ca:
        ctx.load_verify_locations(a.ca)
    else:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    if a.cert:
        ctx.load_cert_chain(a.cert, a.key)
    if a.alpn:
        ctx.set_alpn_protocols(a.alpn.split(','))
    raw = socket.create_connection(('127.0.0.1', a.port), timeout=5)
    try:
        s = ctx.wrap_socket(raw, server_hostname=a.sni or 'localhost')
        s.settimeout(5)
        # TLS 1.3: the server's verdict on our certificate comes after the handshake; a read shows it.
        out(describe(s))
        s.sendall(bytes.fromhex(a.send))
        got = 0
        while got < a.expect and time.monotonic() < deadline:
            data = s.recv(65536)
            if not data:
                break
            got += len(data)
            out('got', data.hex())
        if a.expect == 0:
            s.settimeout(0.5)
            try:
                s.recv(1)
            except socket.timeout:
                pass
    except (ssl.SSLError, OSError) as e:
        out('handshake-error', str(e).replace('\n', ' '))
        sys.exit(1)
    s.close()
    out('closed')


serve() if a.mode == 'server' else client()
