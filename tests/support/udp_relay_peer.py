#!/usr/bin/env python3
"""One end of a UDP relay's pair, for tests/core/net/tst_udprelaysession.cpp.

usage: udp_relay_peer.py --echo [--idle S]
       udp_relay_peer.py --client PORT [--count N] [--size B] [--seed S] [--window W] [--quiet-ms Q]
--echo: binds 127.0.0.1:0, prints "port N", and sends every datagram back to where it came from, until S seconds
  (default 10) pass without one; then prints "echoed N" and exits.
--client PORT: sends N datagrams of B bytes (pseudo-random, random.Random(S); the first 4 bytes are the datagram's
  number, big-endian) to 127.0.0.1:PORT in windows of W; after each window it waits until every echo of the window is
  back, or until Q ms pass without an echo. At the end prints
    sent N SHA256        (the datagrams sent, in order)
    recv N SHA256        (the echoes, in arrival order)
    inorder yes|no
    missing a,b,c        (numbers never echoed; "-" when none)
    rtt_ms MIN MAX       (per echo: from its send to its arrival)
    elapsed_ms T
Exits by itself after 120 s.
"""
import argparse, hashlib, random, select, socket, struct, sys, time

p = argparse.ArgumentParser()
p.add_argument('--echo', action='store_true')
p.add_argument('--idle', type=float, default=10)
p.add_argument('--client', type=int)
p.add_argument('--count', type=int, default=100)
p.add_argument('--size', type=int, default=64)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--window', type=int, default=100)
p.add_argument('--quiet-ms', type=int, default=500)
a = p.parse_args()
hard_deadline = time.time() + 120

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
s.bind(('127.0.0.1', 0))

if a.echo:
    print('port', s.getsockname()[1], flush=True)
    echoed = 0
    last = time.time()
    while time.time() < hard_deadline and time.time() - last < a.idle:
        ready, _, _ = select.select([s], [], [], 0.2)
        if ready:
            data, src = s.recvfrom(70000)
            s.sendto(data, src)
            echoed += 1
            last = time.time()
    print('echoed', echoed, flush=True)
    sys.exit(0)

rng = random.Random(a.seed)
datagrams = [struct.pack('>I', i) + rng.randbytes(max(0, a.size - 4)) for i in range(a.count)]
sent_hash, recv_hash = hashlib.sha256(), hashlib.sha256()
sent_at, rtts, got, order = {}, [], set(), []
target = ('127.0.0.1', a.client)
start = time.time()
for first in range(0, a.count, a.window):
    window = range(first, min(first + a.window, a.count))
    for i in window:
        sent_at[i] = time.time()
        s.sendto(datagrams[i], target)
        sent_hash.update(datagrams[i])
    last = time.time()
    while time.time() < hard_deadline and any(i not in got for i in window):
        remaining = a.quiet_ms / 1000 - (time.time() - last)
        if remaining <= 0:
            break
        ready, _, _ = select.select([s], [], [], remaining)
        if not ready:
            continue
        data, _ = s.recvfrom(70000)
        now = time.time()
        last = now
        number = struct.unpack('>I', data[:4])[0] if len(data) >= 4 else -1
        if number in sent_at:
            rtts.append((now - sent_at[number]) * 1000)
        got.add(number)
        order.append(number)
        recv_hash.update(data)
missing = [i for i in range(a.count) if i not in got]
print('sent', a.count, sent_hash.hexdigest())
print('recv', len(order), recv_hash.hexdigest())
print('inorder', 'yes' if order == sorted(order) else 'no')
print('missing', ','.join(map(str, missing)) or '-')
print('rtt_ms', '%.1f %.1f' % (min(rtts), max(rtts)) if rtts else '- -')
print('elapsed_ms', int((time.time() - start) * 1000), flush=True)
