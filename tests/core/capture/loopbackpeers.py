#!/usr/bin/env python3
"""Real loopback traffic for the capture tests, on one port N for TCP and UDP, IPv4 and IPv6.

Prints "port N" and waits for a line on stdin (the test starts tcpdump 'port N' meanwhile), then runs the
conversations below and prints one JSON object: every flow with its client port and the exact bytes each way
(hex), in the order the flows started. The last packet is a UDP datagram "end" to N, which the test waits for in
the capture before stopping tcpdump.
"""
import json
import socket
import sys
import time


def pattern(n, seed):
    return bytes((i * 31 + seed) & 0xFF for i in range(n))


def bind_all():
    """One port free for TCP and UDP on 127.0.0.1 and ::1 (bounded retries)."""
    for _ in range(50):
        tcp4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp4.bind(("127.0.0.1", 0))
        port = tcp4.getsockname()[1]
        socks = [tcp4]
        try:
            for family, kind, host in [(socket.AF_INET6, socket.SOCK_STREAM, "::1"),
                                       (socket.AF_INET, socket.SOCK_DGRAM, "127.0.0.1"),
                                       (socket.AF_INET6, socket.SOCK_DGRAM, "::1")]:
                s = socket.socket(family, kind)
                socks.append(s)
                s.bind((host, port))
            return port, socks
        except OSError:
            for s in socks:
                s.close()
    sys.exit("no common free port")


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def tcp_conversation(server, family, host, port, steps, client_closes=True):
    """steps: (from_client, bytes); returns the flow record."""
    client = socket.socket(family, socket.SOCK_STREAM)
    client.connect((host, port))
    client_port = client.getsockname()[1]
    peer, _ = server.accept()
    sent = {True: b"", False: b""}
    for from_client, data in steps:
        src, dst = (client, peer) if from_client else (peer, client)
        src.sendall(data)
        got = recv_exactly(dst, len(data))
        assert got == data
        sent[from_client] += data
    first, second = (client, peer) if client_closes else (peer, client)
    first.shutdown(socket.SHUT_WR)
    assert second.recv(1) == b""
    second.close()
    assert first.recv(1) == b""
    first.close()
    return {"protocol": "tcp", "family": 6 if family == socket.AF_INET6 else 4, "client": client_port,
            "toServer": sent[True].hex(), "toClient": sent[False].hex()}


def main():
    port, (tcp4, tcp6, udp4, udp6) = bind_all()
    tcp4.listen(4)
    tcp6.listen(4)
    print("port %d" % port, flush=True)
    sys.stdin.readline()
    flows = []
    gbk = "你好".encode("gbk")

    flows.append(tcp_conversation(tcp4, socket.AF_INET, "127.0.0.1", port,
                                  [(True, b"hello\r\n"), (False, gbk + pattern(200000, 1)), (True, b"bye")]))
    flows.append(tcp_conversation(tcp4, socket.AF_INET, "127.0.0.1", port, [(True, b"second")],
                                  client_closes=False))
    flows.append(tcp_conversation(tcp6, socket.AF_INET6, "::1", port,
                                  [(True, pattern(100000, 2)), (False, pattern(10, 3))]))

    for family, server, host, exchange in [
            (socket.AF_INET, udp4, "127.0.0.1", [(True, b"ping"), (False, b"pong"), (True, b""),
                                                 (True, pattern(60000, 4))]),
            (socket.AF_INET6, udp6, "::1", [(True, b"v6 ping"), (False, gbk)])]:
        client = socket.socket(family, socket.SOCK_DGRAM)
        client.connect((host, port))
        to_server, to_client = [], []
        for from_client, data in exchange:
            if from_client:
                client.send(data)
                got, address = server.recvfrom(65536)
                to_server.append(data.hex())
            else:
                server.sendto(data, address)
                got = client.recv(65536)
                to_client.append(data.hex())
            assert got == data
        flows.append({"protocol": "udp", "family": 6 if family == socket.AF_INET6 else 4,
                      "client": client.getsockname()[1], "toServer": to_server, "toClient": to_client})
        client.close()

    time.sleep(0.2)  # let the last FIN/ACK be captured before the end marker, in capture order
    marker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    marker.sendto(b"end", ("127.0.0.1", port))
    print(json.dumps({"port": port, "marker": marker.getsockname()[1], "flows": flows}), flush=True)


if __name__ == "__main__":
    main()
