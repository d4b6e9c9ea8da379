#!/usr/bin/env python3
"""One end of a connection through NetAssist's relay, for tests/core/net/tst_relay*.cpp.

usage: relay_peer.py (--listen | --connect PORT) [--send N] [--seed S] [--shutdown] [--expect N] [--sleep S]
                     [--sizes] [--reply N]
--listen: binds 127.0.0.1:0, prints "port N", serves one connection. --connect PORT: connects to 127.0.0.1:PORT.
Sends N pseudo-random bytes (random.Random(S).randbytes) on a thread while reading; --shutdown: then shuts down
writing (a half-close). Reads until the end of the stream, a reset, or --expect bytes; --sleep: waits S seconds
before reading at all (a target that does not read); --reply N: once the other end's stream has ended, sends N
pseudo-random bytes (seed S + 1000) the other end half-closed for, then closes. At the end prints
  sent BYTES SHA256
  recv BYTES SHA256
  end eof|reset|expect
  sizes a,b,c        (with --sizes: the size of each recv)
  reply BYTES SHA256 (with --reply)
Exits by itself after 120 s.
"""
import argparse, hashlib, random, socket, sys, threading, time

p = argparse.ArgumentParser()
p.add_argument('--listen', action='store_true')
p.add_argument('--connect', type=int)
p.add_argument('--send', type=int, default=0)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--shutdown', action='store_true')
p.add_argument('--expect', type=int, default=-1)
p.add_argument('--sleep', type=float, default=0)
p.add_argument('--sizes', action='store_true')
p.add_argument('--reply', type=int, default=-1)
a = p.parse_args()

if a.listen:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    print('port', listener.getsockname()[1], flush=True)
    listener.settimeout(120)
    conn, _ = listener.accept()
else:
    conn = socket.create_connection(('127.0.0.1', a.connect), timeout=120)
conn.settimeout(120)

payload = random.Random(a.seed).randbytes(a.send) if a.send else b''
sent_hash = hashlib.sha256(payload).hexdigest()
send_error = []


def sender():
    try:
        view = memoryview(payload)
        for i in range(0, len(view), 1 << 16):
            conn.sendall(view[i:i + (1 << 16)])
        if a.shutdown:
            conn.shutdown(socket.SHUT_WR)
    except OSError as e:
        send_error.append(str(e))


thread = threading.Thread(target=sender, daemon=True)
thread.start()
if a.sleep:
    time.sleep(a.sleep)

received = hashlib.sha256()
count = 0
sizes = []
end = 'eof'
while True:
    if a.expect >= 0 and count >= a.expect:
        end = 'expect'
        break
    try:
        chunk = conn.recv(1 << 20)
    except ConnectionResetError:
        end = 'reset'
        break
    except socket.timeout:
        end = 'timeout'
        break
    if not chunk:
        break
    received.update(chunk)
    count += len(chunk)
    if a.sizes:
        sizes.append(len(chunk))

thread.join(120)
print('sent', len(payload) if not send_error else -1, sent_hash, flush=True)
print('recv', count, received.hexdigest(), flush=True)
print('end', end, flush=True)
if a.sizes:
    print('sizes', ','.join(map(str, sizes)), flush=True)
if a.reply >= 0:
    reply = random.Random(a.seed + 1000).randbytes(a.reply)
    try:
        conn.sendall(reply)
        conn.shutdown(socket.SHUT_WR)
        print('reply', len(reply), hashlib.sha256(reply).hexdigest(), flush=True)
    except OSError as e:
        print('reply', -1, str(e), flush=True)
conn.close()
