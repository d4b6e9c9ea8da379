#include "payloadpreview.h"

#include "bytes/hex.h"
#include "errortext.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>

PayloadPreview::PayloadPreview(QWidget *parent)
    : QWidget(parent)
{
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("sendPreview"));
    m_preview->setAccessibleName(tr("Bytes to send"));
    m_preview->setToolTip(tr("The exact bytes Send writes, in hex"));
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_preview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_byteCount = new QLabel(this);
    m_byteCount->setObjectName(QStringLiteral("sendByteCount"));
    m_byteCount->setAccessibleName(tr("Byte count"));
    m_byteCount->setToolTip(tr("Number of bytes Send writes, checksum and line ending included"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setAccessibleName(tr("Why the data cannot be sent"));
    m_error->setTextFormat(Qt::PlainText); // the message quotes the user's text
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 0, 0);
    layout->addWidget(m_byteCount, 0, 1);
    layout->addWidget(m_error, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    updateErrorColor();
}

QString PayloadPreview::setResult(const Payload::Result &result, QStringView text)
{
    const QByteArray &bytes = result.bytes;
    if (result.ok()) {
        QString preview = Hex::format(QByteArrayView(bytes).first(qMin(bytes.size(), PreviewLimit)));
        if (bytes.size() > PreviewLimit)
            preview += QLatin1Char(' ') + tr("\u2026 (%n bytes)", nullptr, int(qMin<qsizetype>(bytes.size(), INT_MAX)));
        m_preview->setText(preview);
    } else {
        m_preview->clear();
    }
    const int count = int(qMin<qsizetype>(result.ok() ? bytes.size() : 0, INT_MAX));
    m_byteCount->setText(count == 1 ? tr("1 byte") : tr("%n bytes", nullptr, count));

    const QString errorText = ErrorText::payload(result, text);
    // An empty box is where everyone starts, not a mistake: it only disables Send (its tooltip says why).
    const bool showError = !result.ok() && result.error != Payload::Error::Empty;
    m_error->setText(showError ? errorText : QString());
    m_error->setVisible(showError);
    return errorText;
}

QColor PayloadPreview::errorColor() const
{
    return m_error->palette().color(QPalette::WindowText);
}

void PayloadPreview::updateErrorColor()
{
    // QPalette has no error role in Qt 6.4: pick a red with enough contrast against the actual background.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(errorPalette);
}

void PayloadPreview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && m_error)
        updateErrorColor();
    QWidget::changeEvent(event);
}
