#!/usr/bin/env python3
"""A UDP peer for NetAssist's tests, driven over stdin/stdout (one line per command or event).

usage: udp_peer.py [--bind ADDR] [--port N] [--broadcast] [--multicast-if ADDR|INDEX] [--join GROUP[@INDEX]]
prints "port N" once bound; then "rx ADDR PORT HEX" per datagram received (HEX empty for an empty datagram).
stdin: "send HOST PORT HEX" sends one datagram ("sent N" follows), "quit" exits. Exits by itself after 60 s.
"""
import argparse, select, socket, struct, sys, time

p = argparse.ArgumentParser()
p.add_argument('--bind', default='127.0.0.1')
p.add_argument('--port', type=int, default=0)
p.add_argument('--broadcast', action='store_true')
p.add_argument('--multicast-if')
p.add_argument('--join', action='append', default=[])
a = p.parse_args()

family = socket.AF_INET6 if ':' in a.bind else socket.AF_INET
s = socket.socket(family, socket.SOCK_DGRAM)
if a.broadcast:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
s.bind((a.bind, a.port))
if a.multicast_if:
    if family == socket.AF_INET:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(a.multicast_if))
    else:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, int(a.multicast_if))
for g in a.join:
    group, _, iface = g.partition('@')
    if family == socket.AF_INET:
        mreq = socket.inet_aton(group) + socket.inet_aton(iface or '0.0.0.0')
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    else:
        mreq = socket.inet_pton(socket.AF_INET6, group) + struct.pack('@I', int(iface or 0))
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)
print('port', s.getsockname()[1], flush=True)

deadline = time.time() + 60
while time.time() < deadline:
    ready, _, _ = select.select([s, sys.stdin], [], [], 0.5)
    if s in ready:
        data, src = s.recvfrom(70000)
        print('rx', src[0], src[1], data.hex(), flush=True)
    if sys.stdin in ready:
        line = sys.stdin.readline()
        if not line or line.strip() == 'quit':
            break
        cmd = line.split()
        if cmd[0] == 'send':
            payload = bytes.fromhex(cmd[3]) if len(cmd) > 3 else b''
            n = s.sendto(payload, (cmd[1], int(cmd[2])))
            print('sent', n, flush=True)
