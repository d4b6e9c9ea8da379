#include "receiveoptions.h"

#include "bytes/hex.h"
#include "statuscolors.h"
#include "widgetnames.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

#include <algorithm>

ReceiveOptions::ReceiveOptions(QWidget *parent)
    : QWidget(parent)
{
    buildUi();
    setConfig(m_config);
}

void ReceiveOptions::buildUi()
{
    auto *label = new QLabel(tr("Framing:"));
    m_mode = named(new QComboBox, "framingMode", tr("Framing"),
        tr("How received bytes are grouped into log rows: TCP itself keeps no message boundaries"));
    m_mode->addItem(tr("Per read"), int(Framer::Mode::PerRead));
    m_mode->addItem(tr("Idle gap"), int(Framer::Mode::IdleGap));
    m_mode->addItem(tr("Delimiter"), int(Framer::Mode::Delimiter));
    m_mode->addItem(tr("Fixed length"), int(Framer::Mode::FixedLength));
    label->setBuddy(m_mode);

    m_gap
        = named(new QSpinBox, "framingGap", tr("Idle gap"), tr("A frame ends when nothing more arrived for this long"));
    m_gap->setRange(1, 60000);
    m_gap->setSuffix(tr(" ms"));

    m_delimiter = named(new QComboBox, "framingDelimiter", tr("Delimiter"), tr("The bytes that end a frame"));
    m_delimiter->addItem(tr("LF (\\n)"), int(Lf));
    m_delimiter->addItem(tr("CR (\\r)"), int(Cr));
    m_delimiter->addItem(tr("CRLF (\\r\\n)"), int(CrLf));
    m_delimiter->addItem(tr("Custom hex"), int(Custom));
    m_customHex = named(new QLineEdit, "framingDelimiterHex", tr("Custom delimiter"),
        tr("The delimiter as hex bytes, e.g. 7E or 0D 0A"));
    m_customHex->setPlaceholderText(tr("hex, e.g. 7E"));
    m_customHex->setMaximumWidth(120);
    auto *delimiterBox = new QWidget;
    auto *delimiterLayout = new QHBoxLayout(delimiterBox);
    delimiterLayout->setContentsMargins(0, 0, 0, 0);
    delimiterLayout->addWidget(m_delimiter);
    delimiterLayout->addWidget(m_customHex);

    m_length = named(new QSpinBox, "framingLength", tr("Frame length"), tr("Every frame is this many bytes"));
    m_length->setRange(1, 65536);
    m_length->setSuffix(tr(" bytes"));

    m_parameter = new QStackedWidget;
    m_parameter->addWidget(new QWidget); // Per read: nothing to set
    m_parameter->addWidget(m_gap);
    m_parameter->addWidget(delimiterBox);
    m_parameter->addWidget(m_length);
    m_parameter->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_eachDatagram = new QLabel(tr("Each datagram"));
    m_eachDatagram->setObjectName(QStringLiteral("framingEachDatagram"));
    m_eachDatagram->setToolTip(tr("Every datagram is one record: a datagram already is a message"));
    m_eachDatagram->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(m_mode);
    layout->addWidget(m_eachDatagram);
    layout->addWidget(m_parameter);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ReceiveOptions::onControlsChanged);
    connect(m_gap, &QSpinBox::valueChanged, this, &ReceiveOptions::onControlsChanged);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &ReceiveOptions::onControlsChanged);
    connect(m_customHex, &QLineEdit::textChanged, this, &ReceiveOptions::onControlsChanged);
    connect(m_length, &QSpinBox::valueChanged, this, &ReceiveOptions::onControlsChanged);
}

void ReceiveOptions::setConfig(const Framer::Config &config)
{
    m_updating = true;
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(config.mode))));
    showParameter(m_mode->currentIndex());
    m_gap->setValue(config.gapMs);
    m_length->setValue(config.length);
    showDelimiter(config.delimiter);
    m_updating = false;
    if (config != m_config) {
        m_config = config;
        Q_EMIT framingChanged(m_config);
    }
}

void ReceiveOptions::setDatagrams(bool datagrams)
{
    m_datagrams = datagrams;
    m_eachDatagram->setVisible(datagrams);
    m_mode->setVisible(!datagrams);
    showParameter(m_mode->currentIndex());
}

void ReceiveOptions::showDelimiter(const QByteArray &delimiter)
{
    int choice = Custom;
    if (delimiter == "\n")
        choice = Lf;
    else if (delimiter == "\r")
        choice = Cr;
    else if (delimiter == "\r\n")
        choice = CrLf;
    m_delimiter->setCurrentIndex(m_delimiter->findData(choice));
    if (choice == Custom)
        m_customHex->setText(Hex::format(delimiter));
    m_customHex->setVisible(choice == Custom);
}

void ReceiveOptions::showParameter(int index)
{
    m_parameter->setCurrentIndex(index);
    // A stack is as wide as its widest page; only the shown page may claim room, so "Per read" leaves no gap.
    for (int i = 0; i < m_parameter->count(); ++i) {
        const auto policy = i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored;
        m_parameter->widget(i)->setSizePolicy(policy, policy);
    }
    m_parameter->setVisible(index != 0 && !m_datagrams);
    m_parameter->adjustSize();
}

void ReceiveOptions::onControlsChanged()
{
    if (m_updating)
        return;
    showParameter(m_mode->currentIndex());
    Framer::Config config = m_config;
    config.mode = Framer::Mode(m_mode->currentData().toInt());
    config.gapMs = m_gap->value();
    config.length = m_length->value();
    const int delimiter = m_delimiter->currentData().toInt();
    m_customHex->setVisible(delimiter == Custom);
    switch (delimiter) {
    case Lf:
        config.delimiter = "\n";
        break;
    case Cr:
        config.delimiter = "\r";
        break;
    case CrLf:
        config.delimiter = "\r\n";
        break;
    default: {
        const Hex::ParseResult parsed = Hex::parse(m_customHex->text());
        const bool ok = parsed.ok() && !parsed.bytes.isEmpty();
        StatusColors::mark(
            m_customHex, ok || m_customHex->text().isEmpty() ? StatusColors::Normal : StatusColors::Error);
        if (!ok && config.mode == Framer::Mode::Delimiter)
            return; // keep framing by the last valid delimiter until this one is complete
        if (ok)
            config.delimiter = parsed.bytes;
        break;
    }
    }
    if (config != m_config) {
        m_config = config;
        Q_EMIT framingChanged(m_config);
    }
}
