#!/usr/bin/env python3
"""A toy device for NetAssist's sequence tests: a Modbus/TCP unit or a line-based text instrument, over TCP or UDP.

usage: device_peer.py --proto modbus|text [--behave good|wrong|silent|close] (--listen | --connect PORT) [--udp]
--listen: binds 127.0.0.1:0 and prints "port N" (TCP: serves one client; UDP: answers every datagram).
--connect PORT: connects to 127.0.0.1:PORT (TCP) and then serves that connection (NetAssist's --server mode).
good: correct answers; wrong: an answer that differs (Modbus exception 0x83, text "ERR"); silent: never answers;
close: closes the connection on the first request. Exits by itself after 30 s.
"""
import argparse, socket, struct, sys, time

p = argparse.ArgumentParser()
p.add_argument('--proto', choices=['modbus', 'text'], required=True)
p.add_argument('--behave', choices=['good', 'wrong', 'silent', 'close'], default='good')
p.add_argument('--listen', action='store_true')
p.add_argument('--connect', type=int)
p.add_argument('--udp', action='store_true')
a = p.parse_args()
deadline = time.monotonic() + 30


def modbus_answer(req):
    if len(req) < 12:
        return None
    tid, pid, length, unit, fc, addr, count = struct.unpack('>HHHBBHH', req[:12])
    if a.behave == 'wrong':
        return struct.pack('>HHHBBB', tid, pid, 3, unit, fc | 0x80, 2)
    regs = b''.join(struct.pack('>H', (addr + i) & 0xFFFF) for i in range(count))
    return struct.pack('>HHHBBB', tid, pid, 3 + len(regs), unit, fc, len(regs)) + regs


def text_answer(line):
    if a.behave == 'wrong':
        return b'ERR\n'
    if line.strip() == b'*IDN?':
        return b'NETASSIST,TESTDEV,0,1.0\n'
    if line.strip() == b'MEAS?':
        return b'+1.234E+00\n'
    return b'ERR unknown\n'


def answers(buf):
    """Splits buf into requests; returns (answers, rest)."""
    out = []
    if a.proto == 'modbus':
        while len(buf) >= 12:
            out.append(modbus_answer(buf[:12]))
            buf = buf[12:]
    else:
        while b'\n' in buf:
            line, _, buf = buf.partition(b'\n')
            out.append(text_answer(line))
    return out, buf


if a.udp:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    print('port', s.getsockname()[1], flush=True)
    s.settimeout(0.2)
    while time.monotonic() < deadline:
        try:
            data, src = s.recvfrom(65535)
        except socket.timeout:
            continue
        replies, _ = answers(data if a.proto == 'modbus' else data + (b'' if data.endswith(b'\n') else b'\n'))
        if a.behave != 'silent':
            for r in replies:
                s.sendto(r, src)
    sys.exit(0)

if a.listen:
    ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    ls.bind(('127.0.0.1', 0))
    ls.listen(1)
    print('port', ls.getsockname()[1], flush=True)
    ls.settimeout(max(0.1, deadline - time.monotonic()))
    try:
        c, _ = ls.accept()
    except socket.timeout:
        sys.exit(0)
else:
    c = socket.create_connection(('127.0.0.1', a.connect), timeout=5)
    print('connected', flush=True)

c.settimeout(0.2)
buf = b''
while time.monotonic() < deadline:
    try:
        data = c.recv(65536)
    except socket.timeout:
        continue
    if not data:
        break
    if a.behave == 'close':
        break
    buf += data
    replies, buf = answers(buf)
    if a.behave != 'silent':
        for r in replies:
            c.sendall(r)
c.close()
