#pragma once

#include "bytes/payload.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

// The row of a Payload::Spec's options above the send box: mode, encoding, escapes, line ending, checksum and its
// byte order. Choosing a checksum selects the byte order its protocols use (CRC-16/MODBUS: little-endian), and an
// option that does not apply (escapes in hex mode, the order of a one-byte checksum) is disabled, not hidden, so
// the row does not jump.
class PayloadOptionsBar : public QWidget
{
    Q_OBJECT
public:
    // Widgets are named prefix + "Mode", "Encoding", "Escapes", "LineEnding", "Checksum", "ChecksumOrder"
    // ("sendMode"...), so that two bars in one window stay apart for tests and assistive tools.
    explicit PayloadOptionsBar(const QString &namePrefix, QWidget *parent = nullptr);

    Payload::Spec spec() const;
    // Shows spec without emitting anything. An encoding this Qt lacks is kept as an extra entry, so the spec
    // round-trips and the payload's error can name it.
    void setSpec(const Payload::Spec &spec);

Q_SIGNALS:
    void modeChanged(); // by the user
    void optionChanged(); // any other option, by the user

private:
    void fill();
    void onChecksumChanged();
    void updateEnabled();

    QComboBox *m_mode = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_escapes = nullptr;
    QComboBox *m_lineEnding = nullptr;
    QComboBox *m_checksum = nullptr;
    QComboBox *m_checksumOrder = nullptr;
};
