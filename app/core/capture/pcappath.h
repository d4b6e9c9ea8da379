#pragma once

#include <QByteArray>
#include <QString>

// libpcap takes file names as char *: the local 8-bit encoding on Unix (QFile::encodeName). On Windows, Npcap
// would read them in the ANSI code page, which cannot name every file, so libpcap is switched to UTF-8 once
// (pcap_init, libpcap >= 1.10) and given UTF-8.
namespace PcapPath {

QByteArray encode(const QString &path);

} // namespace PcapPath
