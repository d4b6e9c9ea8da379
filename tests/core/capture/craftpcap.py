#!/usr/bin/env python3
"""Writes small captures for the capture tests, byte by byte with struct (nothing binary is committed).

    craftpcap.py SCENARIO OUTPUT

Each scenario below says what its file holds; the C++ tests hold the expected values. Checksums are computed so
that tshark reads these files as real traffic too.
"""
import socket
import struct
import sys

T0 = 1764600000_000000  # microseconds since the epoch


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def addr(text):
    return socket.inet_pton(socket.AF_INET6 if ":" in text else socket.AF_INET, text)


def pseudo(src, dst, proto, length):
    if len(src) == 4:
        return src + dst + struct.pack("!BBH", 0, proto, length)
    return src + dst + struct.pack("!I3xB", length, proto)


def tcp(src, dst, sport, dport, seq, ack, flags, payload=b""):
    flag_bits = {"F": 1, "S": 2, "R": 4, "P": 8, "A": 16}
    f = sum(flag_bits[c] for c in flags)
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, f, 65535, 0, 0)
    c = csum(pseudo(addr(src), addr(dst), 6, len(hdr) + len(payload)) + hdr + payload)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:] + payload


def udp(src, dst, sport, dport, payload):
    hdr = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0)
    c = csum(pseudo(addr(src), addr(dst), 17, len(hdr) + len(payload)) + hdr + payload) or 0xFFFF
    return hdr[:6] + struct.pack("!H", c) + payload


def ipv4(src, dst, proto, l4, ident=1, frag_offset=0, more=False, total=None):
    flags = (0x2000 if more else 0) | (frag_offset // 8)
    length = 20 + len(l4) if total is None else total
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, length, ident, flags, 64, proto, 0, addr(src), addr(dst))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + l4


def ipv6(src, dst, nh, l4, ext=b""):
    return struct.pack("!IHBB16s16s", 0x60000000, len(ext) + len(l4), nh, 64, addr(src), addr(dst)) + ext + l4


def ip(src, dst, proto, l4, **kw):
    return ipv6(src, dst, proto, l4) if ":" in src else ipv4(src, dst, proto, l4, **kw)


class Tcp:
    """One TCP connection; a and b are (address, port); seq numbers are tracked per side."""

    def __init__(self, a, b, isn_a=1000, isn_b=5000):
        self.a, self.b = a, b
        self.next = {True: isn_a, False: isn_b}

    def packet(self, from_a, flags, payload=b"", seq=None, ack=None):
        src, dst = (self.a, self.b) if from_a else (self.b, self.a)
        s = self.next[from_a] if seq is None else seq
        k = self.next[not from_a] if ack is None else ack
        return ip(src[0], dst[0], 6, tcp(src[0], dst[0], src[1], dst[1], s, k, flags, payload))

    def send(self, from_a, flags, payload=b"", advance=True):
        p = self.packet(from_a, flags, payload, ack=self.next[not from_a] if "A" in flags else 0)
        if advance:
            self.next[from_a] = (self.next[from_a] + len(payload) + ("S" in flags) + ("F" in flags)) & 0xFFFFFFFF
        return p

    def handshake(self):
        return [self.send(True, "S"), self.send(False, "SA"), self.send(True, "A")]

    def close(self, from_a=True):
        return [self.send(from_a, "FA"), self.send(not from_a, "FA"), self.send(from_a, "A")]


def ether(payload, ethertype, vlans=()):
    """vlans: (TPID, VLAN id) from the outermost tag in; each tag's TCI is followed by the next type field."""
    head = b"\x02\x00\x00\x00\x00\x02" + b"\x02\x00\x00\x00\x00\x01"
    if vlans:
        head += struct.pack("!H", vlans[0][0])
        for i, (tpid, vid) in enumerate(vlans):
            inner = vlans[i + 1][0] if i + 1 < len(vlans) else ethertype
            head += struct.pack("!HH", vid, inner)
        return head + payload
    return head + struct.pack("!H", ethertype) + payload


def ethertype_of(packet):
    return 0x86DD if packet[0] >> 4 == 6 else 0x0800


def sll(packet):
    return struct.pack("!HHH8sH", 0, 772, 6, b"\0" * 8, ethertype_of(packet)) + packet


def sll2(packet, ifindex=1):
    return struct.pack("!HHIHBB8s", ethertype_of(packet), 0, ifindex, 772, 0, 6, b"\0" * 8) + packet


def write_pcap(path, linktype, frames, nano=False, snaplen=262144, endian="<"):
    """frames: (time_us, bytes) or (time_us, bytes, original_length); nano writes ns timestamps (+789 ns)."""
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    with open(path, "wb") as f:
        f.write(struct.pack(endian + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype))
        for frame in frames:
            t, data = frame[0], frame[1]
            orig = frame[2] if len(frame) > 2 else len(data)
            data = data[:snaplen]
            frac = (t % 1000000) * 1000 + 789 if nano else t % 1000000
            f.write(struct.pack(endian + "IIII", t // 1000000, frac, len(data), orig) + data)


def write_pcapng(path, linktype, frames, tsresol=6):
    def block(kind, body):
        body += b"\0" * (-len(body) % 4)
        return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)

    with open(path, "wb") as f:
        f.write(block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)))
        options = struct.pack("<HHB3x", 9, 1, tsresol) + struct.pack("<HH", 0, 0)
        f.write(block(1, struct.pack("<HHI", linktype, 0, 262144) + options))
        for t, data in frames:
            ticks = t * 10 ** (tsresol - 6)
            f.write(block(6, struct.pack("<IIIII", 0, ticks >> 32, ticks & 0xFFFFFFFF, len(data), len(data)) + data))


def timed(packets, start=T0, step=1000):
    return [(start + i * step, p) for i, p in enumerate(packets)]


A4, B4 = ("10.0.0.1", 40000), ("10.0.0.2", 502)
A6, B6 = ("2001:db8::1", 40001), ("2001:db8::2", 8080)


def conversation(a, b, isn_a=1000, isn_b=5000):
    """handshake, a sends "hello", b answers "world!", a closes: 9 packets."""
    c = Tcp(a, b, isn_a, isn_b)
    return c.handshake() + [c.send(True, "PA", b"hello"), c.send(False, "PA", b"world!"), c.send(True, "A")] + c.close()


def scenario_ethernet_vlan(out):
    # TCP in an 802.1Q tag, UDP in 802.1ad + 802.1Q (QinQ), one ARP frame, one ICMP echo.
    frames = [ether(p, 0x0800, [(0x8100, 100)]) for p in conversation(A4, B4)]
    frames.append(ether(ip("10.0.0.3", "10.0.0.4", 17, udp("10.0.0.3", "10.0.0.4", 6001, 6000, b"udp!")), 0x0800,
                        [(0x88A8, 10), (0x8100, 20)]))
    frames.append(ether(b"\x00\x01\x08\x00\x06\x04\x00\x01" + b"\0" * 20, 0x0806))
    frames.append(ether(ipv4("10.0.0.1", "10.0.0.2", 1, b"\x08\x00\xf7\xff\x00\x00\x00\x00"), 0x0800))
    write_pcap(out, 1, timed(frames))


def scenario_sll(out):
    write_pcap(out, 113, timed([sll(p) for p in conversation(A4, B4)]))


def scenario_sll2(out):
    frames = [sll2(p) for p in conversation(A6, B6)]
    frames.append(sll2(ip("127.0.0.1", "127.0.0.1", 17, udp("127.0.0.1", "127.0.0.1", 33000, 6002, b"q"))))
    write_pcap(out, 276, timed(frames))


def scenario_null(out):
    # DLT_NULL as a little-endian BSD writes it: AF_INET 2, AF_INET6 30 (macOS); one frame of family 7 (not IP).
    frames = [struct.pack("<I", 2) + p for p in conversation(A4, B4)]
    frames += [struct.pack("<I", 30) + p for p in conversation(A6, B6)]
    frames.append(struct.pack("<I", 7) + b"\0" * 20)
    write_pcap(out, 0, timed(frames))


def scenario_null_big_endian(out):
    # DLT_NULL from a big-endian host (AF_INET6 = 24, NetBSD/OpenBSD), file written big-endian too.
    write_pcap(out, 0, timed([struct.pack(">I", 24) + p for p in conversation(A6, B6)]), endian=">")


def scenario_loop(out):
    # DLT_LOOP (OpenBSD): the family in network byte order.
    write_pcap(out, 108, timed([struct.pack(">I", 2) + p for p in conversation(A4, B4)]))


def scenario_raw_ipv4(out):
    write_pcap(out, 228, timed(conversation(A4, B4)))


def scenario_raw_ipv6(out):
    write_pcap(out, 229, timed(conversation(A6, B6)))


def scenario_raw_mixed(out):
    # LINKTYPE_RAW with both families, as PcapWriter writes.
    write_pcap(out, 101, timed(conversation(A4, B4) + conversation(A6, B6)))


def scenario_nanosecond(out):
    write_pcap(out, 101, timed(conversation(A4, B4), step=1), nano=True)


def scenario_pcapng(out):
    write_pcapng(out, 101, timed(conversation(A4, B4), step=1), tsresol=6)


def scenario_pcapng_nanosecond(out):
    write_pcapng(out, 101, timed(conversation(A6, B6), step=1), tsresol=9)


def scenario_ipv6_extension_headers(out):
    # hop-by-hop (8 bytes) then destination options (16 bytes) before TCP.
    c = Tcp(A6, B6)
    packets = []
    hop = bytes([60, 0]) + b"\x01\x04\0\0\0\0"
    dest = bytes([6, 1]) + b"\x01\x0c" + b"\0" * 12
    for from_a, flags, payload in [(True, "S", b""), (False, "SA", b""), (True, "PA", b"ext")]:
        src, dst = (A6, B6) if from_a else (B6, A6)
        seg = tcp(src[0], dst[0], src[1], dst[1], c.next[from_a], c.next[not from_a] if "A" in flags else 0, flags,
                  payload)
        c.next[from_a] += len(payload) + ("S" in flags)
        packets.append(ipv6(src[0], dst[0], 0, seg, hop + dest))
    write_pcap(out, 101, timed(packets))


def fragments_v4(src, dst, l4, ident, size):
    pieces = []
    for off in range(0, len(l4), size):
        chunk = l4[off:off + size]
        pieces.append(ipv4(src, dst, 17, chunk, ident=ident, frag_offset=off, more=off + size < len(l4)))
    return pieces


def fragments_v6(src, dst, l4, ident, size):
    pieces = []
    for off in range(0, len(l4), size):
        chunk = l4[off:off + size]
        more = 1 if off + size < len(l4) else 0
        frag = struct.pack("!BBHI", 17, 0, off | more, ident)
        pieces.append(ipv6(src, dst, 44, chunk, frag))
    return pieces


def pattern(n, seed):
    return bytes((i * 7 + seed) & 0xFF for i in range(n))


def scenario_fragments(out):
    # IPv4: a 3000-byte UDP payload in three fragments, sent last-first; IPv6: 2000 bytes in two fragments;
    # then one IPv4 fragment whose datagram never completes, and a whole datagram on the same ports.
    v4 = fragments_v4("10.0.0.1", "10.0.0.2", udp("10.0.0.1", "10.0.0.2", 7000, 7001, pattern(3000, 1)), 77, 1480)
    v6 = fragments_v6("2001:db8::1", "2001:db8::2",
                      udp("2001:db8::1", "2001:db8::2", 7002, 7003, pattern(2000, 2)), 0x12345678, 1232)
    lost = fragments_v4("10.0.0.1", "10.0.0.2", udp("10.0.0.1", "10.0.0.2", 7000, 7001, pattern(3000, 3)), 78, 1480)
    whole = ipv4("10.0.0.1", "10.0.0.2", 17, udp("10.0.0.1", "10.0.0.2", 7000, 7001, b"whole"), ident=79)
    write_pcap(out, 101, timed(list(reversed(v4)) + v6 + lost[:1] + [whole]))


def scenario_reused_ports(out):
    # Two connections on the same ports; the second one's SYN is sent twice (a retransmitted SYN is no new stream).
    first = conversation(A4, B4, 1000, 5000)
    second = Tcp(A4, B4, 90000, 70000)
    syn = second.send(True, "S")
    packets = first + [syn, syn, second.send(False, "SA"), second.send(True, "A"), second.send(True, "PA", b"again")]
    write_pcap(out, 101, timed(packets))


def scenario_synack_first(out):
    # The capture starts at the SYN-ACK: A is its receiver. Then a stream seen only mid-connection, its first
    # packet from the server (B is then its source: the first packet's source is A).
    c = Tcp(A4, B4)
    c.send(True, "S")
    packets = [c.send(False, "SA"), c.send(True, "A"), c.send(True, "PA", b"x")]
    m = Tcp(("10.0.0.5", 41000), ("10.0.0.6", 80), 1, 2)
    packets += [m.send(False, "PA", b"from server"), m.send(True, "PA", b"from client")]
    write_pcap(out, 101, timed(packets))


def scenario_snaplen(out):
    # Captured with a 60-byte snapshot length: the 200-byte payload is cut after 20 bytes.
    c = Tcp(A4, B4)
    packets = c.handshake() + [c.send(True, "PA", pattern(200, 4)), c.send(False, "PA", b"ok")]
    frames = [(T0 + i, p[:60], len(p)) for i, p in enumerate(packets)]
    write_pcap(out, 101, frames, snaplen=60)


def scenario_unsupported_link(out):
    write_pcap(out, 105, timed([b"\x08\x00\x00\x00"]))  # LINKTYPE_IEEE802_11: 802.11 frames, not decoded


def scenario_header_only(out):
    write_pcap(out, 1, [])


def scenario_retransmission(out):
    # "hello" sent twice (a whole retransmission), then "loworld" from inside "hello" (a partial one).
    c = Tcp(A4, B4)
    packets = c.handshake()
    hello_seq = c.next[True]
    packets += [c.send(True, "PA", b"hello"), c.packet(True, "PA", b"hello", seq=hello_seq),
                c.packet(True, "PA", b"loworld", seq=hello_seq + 3)]
    c.next[True] = hello_seq + 10
    packets += [c.send(False, "PA", b"ok")] + c.close()
    write_pcap(out, 101, timed(packets))


def scenario_out_of_order(out):
    # "second" overtakes "first-"; B's reply comes in between.
    c = Tcp(A4, B4)
    packets = c.handshake()
    start = c.next[True]
    packets += [c.packet(True, "PA", b"second", seq=start + 6), c.send(False, "PA", b"wait"),
                c.packet(True, "PA", b"first-", seq=start)]
    c.next[True] = start + 12
    packets += c.close()
    write_pcap(out, 101, timed(packets))


def scenario_gap(out):
    # 4 bytes after "aaa" were never captured; A's FIN comes after the hole, so it waits for the flow's end.
    c = Tcp(A4, B4)
    packets = c.handshake() + [c.send(True, "PA", b"aaa")]
    c.next[True] += 4
    packets += [c.send(True, "PA", b"bbb"), c.send(False, "PA", b"ok")] + c.close()
    write_pcap(out, 101, timed(packets))


def scenario_reset(out):
    # B resets the connection after A's request; A's late segment after the reset is ignored.
    c = Tcp(A6, B6)
    packets = c.handshake() + [c.send(True, "PA", b"req"), c.send(False, "RA"), c.send(True, "PA", b"late")]
    write_pcap(out, 101, timed(packets))


def scenario_wraparound(out):
    # Both ends' sequence numbers cross 2^32 inside their data; A's segment after the wrap arrives first.
    c = Tcp(A4, B4, isn_a=0xFFFFFFF0, isn_b=0xFFFFFF80)
    packets = c.handshake()
    start = c.next[True]  # 0xFFFFFFF1
    first, second = b"0123456789abcdef", b"ghijklmnopqrstuv"  # 16 + 16: the second starts at 0x00000001
    packets += [c.packet(True, "PA", second, seq=start + 16), c.packet(True, "PA", first, seq=start)]
    c.next[True] = (start + 32) & 0xFFFFFFFF
    packets += [c.send(False, "PA", b"B crosses too" * 12)] + c.close(from_a=False)
    write_pcap(out, 101, timed(packets))


SCENARIOS = {name[len("scenario_"):].replace("_", "-"): f for name, f in globals().items()
             if name.startswith("scenario_")}

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SCENARIOS:
        sys.exit("usage: craftpcap.py {%s} OUTPUT" % ",".join(sorted(SCENARIOS)))
    SCENARIOS[sys.argv[1]](sys.argv[2])
