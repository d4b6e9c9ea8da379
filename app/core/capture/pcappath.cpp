#include "capture/pcappath.h"

#include <QFile>

#include <pcap/pcap.h>

namespace PcapPath {

QByteArray encode(const QString &path)
{
#ifdef Q_OS_WIN
    static const bool utf8 = [] {
        char error[PCAP_ERRBUF_SIZE];
        return pcap_init(PCAP_CHAR_ENC_UTF_8, error) == 0;
    }();
    if (utf8)
        return path.toUtf8();
#endif
    return QFile::encodeName(path);
}

} // namespace PcapPath
