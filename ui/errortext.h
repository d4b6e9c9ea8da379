#pragma once

#include "bytes/payload.h"
#include "net/endpoint.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QString>

// The words for every error the core reports as a code. One place, so the same problem reads the same everywhere
// and every message is translated.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // Why the send box's content cannot be sent, e.g. "Hex: odd number of digits at position 4".
    static QString payload(const Payload::Result &result, QStringView text);
    static QString port(Endpoint::PortError error);
    // A socket error in words; detail (Qt's own errorString) is added where it says more than the code.
    static QString socket(QAbstractSocket::SocketError error, const QString &detail = {});
    // "U+1F600 😀"
    static QString character(char32_t c);
};
