#include "payloadpreview.h"

#include "bytes/hex.h"
#include "errortext.h"
#include "statuscolors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

PayloadPreview::PayloadPreview(QWidget *parent)
    : QWidget(parent)
{
    m_preview = new QLabel(this);
    // Value labels: their accessible name is what they say; the description says what that is.
    m_preview->setObjectName(QStringLiteral("sendPreview"));
    m_preview->setAccessibleDescription(tr("Bytes to send"));
    m_preview->setToolTip(tr("The exact bytes Send writes, in hex"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_byteCount = new QLabel(this);
    m_byteCount->setObjectName(QStringLiteral("sendByteCount"));
    m_byteCount->setAccessibleDescription(tr("Byte count"));
    m_byteCount->setToolTip(tr("Number of bytes Send writes, checksum and line ending included"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setAccessibleDescription(tr("Why the data cannot be sent"));
    m_error->setTextFormat(Qt::PlainText); // the message quotes the user's text
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("sendNote"));
    m_note->setAccessibleDescription(tr("Note about the data to send"));
    m_note->setWordWrap(true);
    m_note->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 0, 0);
    layout->addWidget(m_byteCount, 0, 1);
    layout->addWidget(m_error, 1, 0, 1, 2);
    layout->addWidget(m_note, 2, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    StatusColors::mark(m_error, StatusColors::Error);
}

void PayloadPreview::setSizeLimit(qsizetype maxBytes, qsizetype noteAbove)
{
    m_maxBytes = maxBytes;
    m_noteAbove = noteAbove;
}

QString PayloadPreview::setResult(const Payload::Result &result, QStringView text)
{
    const QByteArray &bytes = result.bytes;
    if (result.ok()) {
        QString preview = Hex::format(QByteArrayView(bytes).first(qMin(bytes.size(), PreviewLimit)));
        if (bytes.size() > PreviewLimit)
            preview
                += QLatin1Char(' ') + tr("\u2026 (%n byte(s))", nullptr, int(qMin<qsizetype>(bytes.size(), INT_MAX)));
        m_preview->setText(preview);
    } else {
        m_preview->clear();
    }
    const int count = int(qMin<qsizetype>(result.ok() ? bytes.size() : 0, INT_MAX));
    m_byteCount->setText(tr("%n byte(s)", nullptr, count));

    QString errorText = ErrorText::payload(result, text);
    const QLocale locale;
    if (result.ok() && m_maxBytes > 0 && bytes.size() > m_maxBytes) {
        errorText = tr("Too large for one datagram: %1 bytes, at most %2 reach this destination in one.")
                        .arg(locale.toString(bytes.size()), locale.toString(m_maxBytes));
    }
    const bool fragmented = result.ok() && errorText.isEmpty() && m_noteAbove > 0 && bytes.size() > m_noteAbove;
    m_note->setText(fragmented ? tr("Over %1 bytes: the datagram is split into IP fragments on an Ethernet path, and "
                                    "some devices drop fragments.")
                                     .arg(locale.toString(m_noteAbove))
                               : QString());
    m_note->setVisible(fragmented);
    // An empty box is where everyone starts, not a mistake: it only disables Send (its tooltip says why).
    const bool showError = !errorText.isEmpty() && result.error != Payload::Error::Empty;
    m_error->setText(showError ? errorText : QString());
    m_error->setVisible(showError);
    return errorText;
}

QColor PayloadPreview::errorColor() const
{
    return m_error->palette().color(QPalette::WindowText);
}

void PayloadPreview::changeEvent(QEvent *event)
{
    // The theme changed: the error's red is taken from the new background.
    if (event->type() == QEvent::PaletteChange && m_error)
        StatusColors::mark(m_error, StatusColors::Error);
    QWidget::changeEvent(event);
}
