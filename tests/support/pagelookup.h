#pragma once

// The window's first tab of each kind, for tests that drive one of each (MainWindow starts with one of every kind).

#include "clientpage.h"
#include "mainwindow.h"
#include "serverpage.h"
#include "sessiontabs.h"
#include "udppage.h"

inline ClientPage *clientPageOf(const MainWindow &window)
{
    return static_cast<ClientPage *>(window.firstPage("tcp-client"));
}

inline ServerPage *serverPageOf(const MainWindow &window)
{
    return static_cast<ServerPage *>(window.firstPage("tcp-server"));
}

inline UdpPage *udpPageOf(const MainWindow &window)
{
    return static_cast<UdpPage *>(window.firstPage("udp"));
}
