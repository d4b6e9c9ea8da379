#include "payloadoptionsbar.h"

#include "comboboxdata.h"
#include "specnames.h"
#include "text/codecs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace { } // namespace

PayloadOptionsBar::PayloadOptionsBar(const QString &namePrefix, QWidget *parent)
    : QWidget(parent)
{
    auto addCombo = [this, &namePrefix](const QString &name, const QString &accessible, const QString &tip) {
        auto *combo = new QComboBox(this);
        combo->setObjectName(namePrefix + name);
        combo->setAccessibleName(accessible);
        combo->setToolTip(tip);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        return combo;
    };
    auto addLabel = [this](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };

    m_mode = addCombo(QStringLiteral("Mode"), tr("Send mode"),
        tr("Text: the text is encoded in the chosen encoding. Hex: bytes written as hex digits."));
    m_encoding
        = addCombo(QStringLiteral("Encoding"), tr("Send encoding"), tr("The encoding that turns the text into bytes"));
    // Encoding names run up to "Big5-HKSCS" and would widen the whole row; the popup list still shows them in full.
    m_encoding->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_encoding->setMinimumContentsLength(8);
    m_escapes = new QCheckBox(tr("&Escapes \\r \\n \\xNN"), this);
    m_escapes->setObjectName(namePrefix + QStringLiteral("Escapes"));
    m_escapes->setAccessibleName(tr("Escapes"));
    m_escapes->setToolTip(tr("Read \\r \\n \\t \\\\ \\0 and \\xNN (a raw byte) as escapes. Text mode only."));
    m_lineEnding = addCombo(
        QStringLiteral("LineEnding"), tr("Line ending"), tr("Appended after the payload, before the checksum"));
    m_checksum = addCombo(
        QStringLiteral("Checksum"), tr("Checksum"), tr("Appended at the end, computed over all the bytes before it"));
    m_checksumOrder = addCombo(QStringLiteral("ChecksumOrder"), tr("Checksum byte order"),
        tr("Byte order of a multi-byte checksum (Modbus RTU sends the low byte first)"));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(addLabel(tr("&Mode:"), m_mode));
    row->addWidget(m_mode);
    row->addSpacing(6);
    row->addWidget(addLabel(tr("E&ncoding:"), m_encoding));
    row->addWidget(m_encoding);
    row->addSpacing(6);
    row->addWidget(m_escapes);
    row->addSpacing(6);
    row->addWidget(addLabel(tr("&Line ending:"), m_lineEnding));
    row->addWidget(m_lineEnding);
    row->addSpacing(6);
    row->addWidget(addLabel(tr("Chec&ksum:"), m_checksum));
    row->addWidget(m_checksum);
    row->addWidget(m_checksumOrder);
    row->addStretch(1);

    fill();
    setSpec(Payload::Spec());

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        Q_EMIT modeChanged();
    });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &PayloadOptionsBar::optionChanged);
    connect(m_escapes, &QCheckBox::toggled, this, &PayloadOptionsBar::optionChanged);
    connect(m_lineEnding, &QComboBox::currentIndexChanged, this, &PayloadOptionsBar::optionChanged);
    connect(m_checksum, &QComboBox::currentIndexChanged, this, &PayloadOptionsBar::onChecksumChanged);
    connect(m_checksumOrder, &QComboBox::currentIndexChanged, this, &PayloadOptionsBar::optionChanged);
}

void PayloadOptionsBar::fill()
{
    m_mode->addItem(tr("Text"), int(Payload::Mode::Text));
    m_mode->addItem(tr("Hex"), int(Payload::Mode::Hex));
    for (const QByteArray &name : Codecs::available())
        m_encoding->addItem(QString::fromLatin1(name), name);
    for (auto ending :
        {Payload::LineEnding::None, Payload::LineEnding::CR, Payload::LineEnding::LF, Payload::LineEnding::CRLF})
        m_lineEnding->addItem(SpecNames::lineEnding(ending), int(ending));
    for (Checksum::Algorithm algorithm : Checksum::all())
        m_checksum->addItem(SpecNames::checksum(algorithm), int(algorithm));
    m_checksumOrder->addItem(tr("Big-endian"), int(Checksum::ByteOrder::BigEndian));
    m_checksumOrder->addItem(tr("Little-endian"), int(Checksum::ByteOrder::LittleEndian));
}

Payload::Spec PayloadOptionsBar::spec() const
{
    Payload::Spec spec;
    spec.mode = ComboBoxData::current<Payload::Mode>(m_mode);
    spec.encoding = m_encoding->currentData().toByteArray();
    spec.escapes = m_escapes->isChecked();
    spec.lineEnding = ComboBoxData::current<Payload::LineEnding>(m_lineEnding);
    spec.checksum = ComboBoxData::current<Checksum::Algorithm>(m_checksum);
    spec.checksumOrder = ComboBoxData::current<Checksum::ByteOrder>(m_checksumOrder);
    return spec;
}

void PayloadOptionsBar::setSpec(const Payload::Spec &spec)
{
    const QList<QWidget *> widgets {m_mode, m_encoding, m_escapes, m_lineEnding, m_checksum, m_checksumOrder};
    for (QWidget *widget : widgets)
        widget->blockSignals(true);

    ComboBoxData::select(m_mode, spec.mode);
    int encoding = m_encoding->findData(spec.encoding);
    for (int i = 0; encoding < 0 && i < m_encoding->count(); ++i) {
        if (m_encoding->itemData(i).toByteArray().compare(spec.encoding, Qt::CaseInsensitive) == 0)
            encoding = i;
    }
    if (encoding < 0) {
        m_encoding->addItem(QString::fromLatin1(spec.encoding), spec.encoding);
        encoding = m_encoding->count() - 1;
    }
    m_encoding->setCurrentIndex(encoding);
    m_escapes->setChecked(spec.escapes);
    ComboBoxData::select(m_lineEnding, spec.lineEnding);
    ComboBoxData::select(m_checksum, spec.checksum);
    ComboBoxData::select(m_checksumOrder, spec.checksumOrder);

    for (QWidget *widget : widgets)
        widget->blockSignals(false);
    updateEnabled();
}

void PayloadOptionsBar::onChecksumChanged()
{
    // A new algorithm starts in the order its protocols use, so CRC-16/MODBUS is right without a second click.
    m_checksumOrder->blockSignals(true);
    ComboBoxData::select(
        m_checksumOrder, Checksum::naturalOrder(ComboBoxData::current<Checksum::Algorithm>(m_checksum)));
    m_checksumOrder->blockSignals(false);
    updateEnabled();
    Q_EMIT optionChanged();
}

void PayloadOptionsBar::updateEnabled()
{
    m_escapes->setEnabled(ComboBoxData::current<Payload::Mode>(m_mode) == Payload::Mode::Text);
    m_checksumOrder->setEnabled(Checksum::width(ComboBoxData::current<Checksum::Algorithm>(m_checksum)) > 1);
}
