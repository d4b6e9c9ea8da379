#pragma once

#include "bytes/payload.h"

#include <QColor>
#include <QWidget>

class QLabel;

// Under the send box: the exact bytes in hex ("sendPreview", the start only for a long payload), their count
// ("sendByteCount") and, when they cannot be built, why ("sendError", in a red readable on the current palette).
class PayloadPreview : public QWidget
{
    Q_OBJECT
public:
    // Past this many bytes the preview shows the start only: a label holding megabytes of hex would stall the GUI
    // and nobody reads it anyway.
    static constexpr qsizetype PreviewLimit = 256;

    explicit PayloadPreview(QWidget *parent = nullptr);

    // Shows result; text is what it was built from (the error message quotes it). Returns the error message, empty
    // when the bytes can be sent.
    QString setResult(const Payload::Result &result, QStringView text);
    QColor errorColor() const;
    // A datagram's limits: more than maxBytes cannot be sent at all (the message says so and setResult() returns
    // it), more than noteAbove is sent but fragmented on the way (a note says so). 0: no limit.
    void setSizeLimit(qsizetype maxBytes, qsizetype noteAbove);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *m_preview = nullptr;
    QLabel *m_byteCount = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_note = nullptr;
    qsizetype m_maxBytes = 0;
    qsizetype m_noteAbove = 0;
};
