#pragma once

#include "bytes/payload.h"
#include "net/endpoint.h"
#include "net/sessionerror.h"

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
    // A session's error in words; its detail (the library's own text) is added where it says more than the kind.
    static QString session(const SessionError &error);
    static QString session(SessionError::Kind kind, const QString &detail = {}) { return session({kind, detail}); }
    // The TLS kinds' words (session() calls this), with the names, dates and fingerprints of their details.
    static QString tls(const SessionError &error);
    // "U+1F600 😀"
    static QString character(char32_t c);
};
