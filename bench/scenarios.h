#pragma once

#include "benchcommon.h"

class MainWindow;

// What every scenario shares: the sizes, the main window under test (shown) and the stall probe.
struct BenchContext
{
    BenchConfig config;
    MainWindow *window = nullptr;
    StallProbe *probe = nullptr;
    long fdLimit = 0;
    double rawDrainMBps = 0;
    bool ok = true; // false once a scenario lost bytes or timed out: the exit code says so
};

void runRawDrain(BenchContext &context); // raw_drain_MBps
void runClientIngest(BenchContext &context); // client_ingest_{text,hex}_{MBps,ratio}, peak_rss_MB, log_budget_MB
void runServerIngest(BenchContext &context); // server_ingest_MBps, server_512x100KB_s
void runAccept(BenchContext &context); // accept_clients, accept_s, broadcast_ms, disconnect_all_ms
void runRerender(BenchContext &context); // rerender_ms (GBK and Hex)
void runStartup(BenchContext &context); // startup_ms
void runRelay(BenchContext &context); // relay_direct_MBps, relay_MBps, relay_ratio, relay_slow_peak_rss_MB, ...
void runUdpRelay(BenchContext &context); // udp_relay_direct_dps, udp_relay_dps, udp_relay_ratio, udp_relay_flood_*
void runManyTabs(BenchContext &context); // startup_ms.tabs1/20, idle_rss_MB.tabs1/20, ui_stall_*.tabs20_flood
void runUdpIngest(
    BenchContext &context); // udp_raw_dps, udp_ingest_dps, udp_ingest_ratio, udp_kernel_drops, udp_peak_rss_MB

void runTls(BenchContext &context); // tls_plain_ingest_MBps, tls_ingest_MBps, tls_ratio, tls_handshakes_per_s

// The process that runStartup() spawns: what app/main.cpp does up to the main window being exposed, then it prints
// "exposed" and exits.
int runStartupChild(int argc, char *argv[]);
